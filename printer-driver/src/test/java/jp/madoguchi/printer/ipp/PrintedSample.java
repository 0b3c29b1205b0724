package jp.madoguchi.printer.ipp;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import jp.madoguchi.printer.SampleCertificate;
import jp.madoguchi.printer.TestIssuer;
import jp.madoguchi.printer.seal.AntiForgeryOverlay;
import jp.madoguchi.printer.seal.CertificateMetadata;
import jp.madoguchi.printer.seal.PrintableCertificate;
import jp.madoguchi.printer.seal.ScrambleKey;
import jp.madoguchi.testing.IppEvePrinter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Demo, not a test: seals the synthetic sample certificate, prints it on a real ippeveprinter and
 * leaves in OUTDIR what a verifier needs to try {@code ./kiosk verify}: the spooled PDF, an edited
 * copy of it, the issuer's certificate and the scramble key. Run with
 * {@code printer-driver/sample-print.sh OUTDIR [pages]}.
 */
public final class PrintedSample {
    private PrintedSample() {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "printed-sample"));
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        TestIssuer issuer = TestIssuer.ec("131016");
        ScrambleKey key = ScrambleKey.generate(new SecureRandom());
        Path work = Files.createTempDirectory("madoguchi-printed-sample");
        try (AntiForgeryOverlay overlay = new AntiForgeryOverlay(issuer.signer(), key);
                IppEvePrinter printer = IppEvePrinter.start(work, IppEvePrinter.PRINTS_EVERYTHING)) {
            PrintableCertificate sealed = overlay.apply(
                    SampleCertificate.pages(pages),
                    new CertificateMetadata("SAMPLE-0001", "131016", LocalDate.of(2025, 11, 23)));
            PrintOutcome outcome = new IppCertificatePrinter(IppPrinterSettings.forPrinter(printer.uri()))
                    .print(sealed, Duration.ofSeconds(60));
            System.out.println("printed on " + printer.uri() + ": " + outcome);
            Path spooled = printer.spooledPdfs().get(0);
            Path printed =
                    Files.copy(spooled, out.resolve("printed.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            issuer.writePem(out.resolve("issuer.pem"));
            Files.writeString(out.resolve("scramble.key"), key.toHex() + "\n", StandardCharsets.US_ASCII);
            Files.write(out.resolve("edited.pdf"), edited(Files.readAllBytes(printed)));
            Files.writeString(out.resolve("qr.txt"), sealed.seals().get(0).toQrText() + "\n");
            System.out.println("wrote " + out.toAbsolutePath() + ": printed.pdf (spooled by ippeveprinter), edited.pdf,"
                    + " issuer.pem, scramble.key, qr.txt");
        }
    }

    /** The printed PDF with one line of the certificate moved, as a forger's edit would. */
    static byte[] edited(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFormXObject layer =
                    (PDFormXObject) document.getPage(0).getResources().getXObject(COSName.getPDFName("MgCertificate"));
            String content;
            try (InputStream in = layer.getContentStream().createInputStream()) {
                content = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            String edited = content.replaceFirst("(\\d+(\\.\\d+)?) (\\d+(\\.\\d+)?) Td", "$1 100 Td");
            try (var stream = layer.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
                stream.write(edited.getBytes(StandardCharsets.ISO_8859_1));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }
}
