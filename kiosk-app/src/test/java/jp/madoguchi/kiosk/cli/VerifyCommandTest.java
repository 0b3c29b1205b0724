package jp.madoguchi.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import jp.madoguchi.fonts.KioskTypeface;
import jp.madoguchi.printer.seal.AntiForgeryOverlay;
import jp.madoguchi.printer.seal.CertificateMetadata;
import jp.madoguchi.printer.seal.LocalKeySealSigner;
import jp.madoguchi.printer.seal.PrintableCertificate;
import jp.madoguchi.printer.seal.ScrambleKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk verify} on a sealed certificate, an edited one, a foreign issuer and a QR text. */
class VerifyCommandTest {
    @TempDir
    static Path dir;

    static Path issuerPem;
    static Path otherPem;
    static Path keyFile;
    static Path sealed;
    static Path edited;
    static Path unsealed;
    static String qrText;

    @BeforeAll
    static void sealACertificate() throws Exception {
        KeyPair keys = ecKeys();
        X509Certificate issuer = certificate(keys, "CN=131016 seal");
        issuerPem = pem(dir.resolve("issuer.pem"), issuer);
        otherPem = pem(dir.resolve("other.pem"), certificate(ecKeys(), "CN=999999 seal"));
        ScrambleKey key = ScrambleKey.generate(new SecureRandom());
        keyFile = Files.writeString(dir.resolve("scramble.key"), key.toHex());
        byte[] original = certificatePdf("窓口　太郎");
        unsealed = Files.write(dir.resolve("unsealed.pdf"), original);
        try (AntiForgeryOverlay overlay =
                new AntiForgeryOverlay(new LocalKeySealSigner(keys.getPrivate(), issuer), key)) {
            PrintableCertificate printable =
                    overlay.apply(original, new CertificateMetadata("DOC-CLI-1", "131016", LocalDate.of(2025, 11, 23)));
            sealed = Files.write(dir.resolve("sealed.pdf"), printable.pdf());
            qrText = printable.seals().get(0).toQrText();
            // A forger swaps the whole certificate layer for another page's, keeping the seal.
            try (PDDocument printed = Loader.loadPDF(printable.pdf());
                    PDDocument forged = Loader.loadPDF(overlay.apply(
                                    certificatePdf("偽造　次郎"),
                                    new CertificateMetadata("DOC-CLI-1", "131016", LocalDate.of(2025, 11, 23)))
                            .pdf())) {
                var name = org.apache.pdfbox.cos.COSName.getPDFName("MgCertificate");
                printed.getPage(0)
                        .getResources()
                        .put(name, forged.getPage(0).getResources().getXObject(name));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                printed.save(out);
                edited = Files.write(dir.resolve("edited.pdf"), out.toByteArray());
            }
        }
    }

    @Test
    void genuineCertificateExitsZero() {
        Run run = run(sealed.toString(), "--issuer-cert", issuerPem.toString(), "--scramble-key", keyFile.toString());
        assertThat(run.status).isZero();
        assertThat(run.out).startsWith("GENUINE").contains("DOC-CLI-1").contains("unscrambles to the front");
    }

    @Test
    void editedCertificateIsAltered() {
        Run run = run(edited.toString(), "--issuer-cert", issuerPem.toString());
        assertThat(run.status).isEqualTo(3);
        assertThat(run.out).startsWith("ALTERED").contains("differs from what the issuer sealed");
    }

    @Test
    void sealOfAnotherIssuerIsUnknownIssuer() throws Exception {
        Path trust = Files.createDirectories(dir.resolve("trust-other"));
        Files.copy(otherPem, trust.resolve("other.pem"));
        Run run = run(sealed.toString(), "--trust", trust.toString());
        assertThat(run.status).isEqualTo(4);
        assertThat(run.out).startsWith("UNKNOWN ISSUER");
    }

    @Test
    void qrTextAloneIsChecked() {
        assertThat(run("--qr", qrText, "--issuer-cert", issuerPem.toString()).status)
                .isZero();
        assertThat(run("--qr", "MG1:NOTASEAL", "--issuer-cert", issuerPem.toString()).status)
                .isEqualTo(5);
    }

    @Test
    void pdfWithoutSealIsNotSealedAndBadInputsCannotBeChecked() {
        assertThat(run(unsealed.toString(), "--issuer-cert", issuerPem.toString()).status)
                .isEqualTo(5);
        assertThat(run(dir.resolve("missing.pdf").toString(), "--issuer-cert", issuerPem.toString()).status)
                .isEqualTo(VerifyCommand.CANNOT_CHECK);
        assertThat(run(sealed.toString(), "--issuer-cert", keyFile.toString()).status)
                .isEqualTo(VerifyCommand.CANNOT_CHECK);
        assertThat(run(sealed.toString()).status).isEqualTo(2);
    }

    record Run(int status, String out) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new KioskCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int status = cli.execute(prepend("verify", args));
        return new Run(status, out.toString());
    }

    static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static byte[] certificatePdf(String name) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, KioskTypeface.REGULAR.open(), true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                s.beginText();
                s.setFont(font, 20);
                s.newLineAtOffset(200, 760);
                s.showText("住民票の写し");
                s.setFont(font, 12);
                s.newLineAtOffset(-120, -60);
                s.showText("氏名　" + name);
                s.newLineAtOffset(0, -20);
                s.showText("住所　東京都千代田区霞が関一丁目２番３号");
                s.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static X509Certificate certificate(KeyPair keys, String subject) throws Exception {
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        return new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.ONE,
                                Date.from(now.minus(3650, ChronoUnit.DAYS)),
                                Date.from(now.plus(3650, ChronoUnit.DAYS)),
                                name,
                                keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    static Path pem(Path file, X509Certificate certificate) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded());
        return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
    }
}
