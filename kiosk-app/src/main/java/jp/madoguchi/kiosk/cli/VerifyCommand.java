package jp.madoguchi.kiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.seal.ScrambleKey;
import jp.madoguchi.printer.seal.SealPayload;
import jp.madoguchi.printer.seal.SealVerifier;
import jp.madoguchi.printer.seal.TrustedIssuers;
import jp.madoguchi.printer.seal.Verdict;
import jp.madoguchi.printer.seal.VerificationReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiosk verify}: checks a printed certificate offline against trusted issuer certificates. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Checks a certificate printed by a Madoguchi kiosk, offline: the PDF the kiosk printed (every"
                    + " sheet's seal, certificate content, background and back), or the text of one seal QR code"
                    + " read from paper. Trust is the issuer's public certificate: --issuer-cert or --trust.",
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:genuine",
            "1:the check itself failed (unexpected error)",
            "2:wrong command line",
            "3:altered (content, seal, background or back differ from what was sealed)",
            "4:unknown issuer (signed by a key none of the trusted certificates holds)",
            "5:not sealed (no Madoguchi seal found)",
            "6:cannot check: the file, trust certificates or scramble key cannot be read"
        })
public final class VerifyCommand implements Callable<Integer> {
    static final int CANNOT_CHECK = 6;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE.pdf", description = "The printed certificate PDF.")
    Path file;

    @Option(names = "--qr", paramLabel = "TEXT", description = "Verify a seal QR text (MG1:...) instead of a PDF.")
    String qrText;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Trust trust;

    static final class Trust {
        @Option(names = "--issuer-cert", paramLabel = "PEM", description = "The issuer's certificate (PEM or DER).")
        Path issuerCert;

        @Option(
                names = "--trust",
                paramLabel = "DIR",
                description = "A directory of trusted issuer certificates (.pem/.crt/.cer).")
        Path trustDir;
    }

    @Option(
            names = "--scramble-key",
            paramLabel = "FILE",
            description = "The issuer's scramble key (64 hex digits) to check that each back unscrambles to its front.")
    Path scrambleKey;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((file == null) == (qrText == null)) {
            err.println("kiosk verify: give either FILE.pdf or --qr TEXT (exactly one)");
            return 2;
        }
        TrustedIssuers trusted;
        ScrambleKey key;
        byte[] pdf = null;
        try {
            trusted = trust.issuerCert != null
                    ? TrustedIssuers.readFile(trust.issuerCert)
                    : TrustedIssuers.readDirectory(trust.trustDir);
            key = scrambleKey == null ? null : ScrambleKey.read(scrambleKey);
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    err.println("kiosk verify: " + file + " is not a file");
                    return CANNOT_CHECK;
                }
                pdf = Files.readAllBytes(file);
            }
        } catch (PrinterException e) {
            err.println("kiosk verify: " + e.getMessage());
            return CANNOT_CHECK;
        } catch (IOException e) {
            err.println("kiosk verify: cannot read " + file + ": " + e.getMessage());
            return CANNOT_CHECK;
        }
        try (SealVerifier verifier = new SealVerifier(trusted, key)) {
            VerificationReport report = pdf != null ? verifier.verifyPdf(pdf) : verifier.verifyQr(qrText);
            print(out, report, pdf != null);
            return report.verdict().exitCode();
        }
    }

    private static void print(PrintWriter out, VerificationReport report, boolean wholePdf) {
        Verdict verdict = report.verdict();
        String headline =
                switch (verdict) {
                    case GENUINE -> wholePdf
                            ? "GENUINE: every sheet carries a valid seal of a trusted issuer and matches what was sealed"
                            : "GENUINE: a valid seal of a trusted issuer";
                    case ALTERED -> "ALTERED: this certificate differs from what the issuer sealed";
                    case UNKNOWN_ISSUER -> "UNKNOWN ISSUER: the seal is not signed by a trusted issuer";
                    case NOT_SEALED -> "NOT SEALED: no Madoguchi seal found";
                };
        out.println(headline);
        if (!report.seals().isEmpty()) {
            SealPayload first = report.seals().get(0);
            out.println("  document  " + first.metadata().documentId());
            out.println("  issuer    " + first.metadata().issuerId() + " (key " + first.keyIdHex() + ", "
                    + first.algorithm() + ")");
            out.println("  issued    " + first.metadata().issueDate());
            for (SealPayload seal : report.seals()) {
                out.println("  page " + seal.page() + "/" + seal.pageCount() + "  digest " + seal.pageDigestHex());
            }
        }
        if (wholePdf) {
            out.println("  back      "
                    + switch (report.back()) {
                        case MATCHES_FRONT -> "unscrambles to the front";
                        case DIFFERS_FROM_FRONT -> "does NOT unscramble to the front";
                        case NOT_CHECKED_NO_KEY -> "present, not compared (no --scramble-key)";
                        case NO_BACK -> "none";
                    });
        }
        for (String finding : report.findings()) {
            out.println("  - " + finding);
        }
        out.flush();
    }
}
