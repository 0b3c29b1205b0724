package jp.madoguchi.printer.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.SampleCertificate;
import jp.madoguchi.printer.TestIssuer;
import jp.madoguchi.printer.seal.AntiForgeryOverlay;
import jp.madoguchi.printer.seal.CertificateMetadata;
import jp.madoguchi.printer.seal.PrintableCertificate;
import jp.madoguchi.printer.seal.ScrambleKey;
import jp.madoguchi.printer.seal.SealVerifier;
import jp.madoguchi.printer.seal.TrustedIssuers;
import jp.madoguchi.printer.seal.Verdict;
import jp.madoguchi.testing.IppEvePrinter;
import jp.madoguchi.testing.RequiresStack;
import jp.madoguchi.testing.Stack;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates printed on a real IPP Everywhere printer (ippeveprinter), faults included. */
@RequiresStack(Stack.IPPEVEPRINTER)
class IppEvePrinterTest {
    static final TestIssuer CHIYODA = TestIssuer.ec("131016");
    static final ScrambleKey KEY = ScrambleKey.generate(new SecureRandom());
    static AntiForgeryOverlay overlay;

    /** One printer that prints everything, shared by the tests that expect success. */
    static IppEvePrinter healthy;

    @TempDir
    Path work;

    @BeforeAll
    static void start(@TempDir Path shared) {
        overlay = new AntiForgeryOverlay(CHIYODA.signer(), KEY);
        healthy = IppEvePrinter.start(shared, IppEvePrinter.PRINTS_EVERYTHING);
    }

    @AfterAll
    static void close() {
        overlay.close();
        healthy.close();
    }

    static PrintableCertificate sealed(int pages, String documentId) {
        return overlay.apply(
                SampleCertificate.pages(pages),
                new CertificateMetadata(documentId, "131016", LocalDate.of(2025, 11, 23)));
    }

    static IppCertificatePrinter kiosk(IppEvePrinter printer) {
        return new IppCertificatePrinter(IppPrinterSettings.forPrinter(printer.uri())
                .withPollInterval(Duration.ofMillis(100))
                .withRequestTimeout(Duration.ofSeconds(5))
                .withCancelGrace(Duration.ofSeconds(10)));
    }

    @Test
    void printerReportsWhatACertificateNeeds() {
        PrinterStatus status = kiosk(healthy).status();

        assertThat(status.state()).isIn(PrinterState.IDLE, PrinterState.PROCESSING);
        assertThat(status.blockingProblem()).isEmpty();
        assertThat(status.missingCapability(true)).isEmpty();
        assertThat(status.documentFormats()).contains("application/pdf");
        assertThat(status.sides()).contains("two-sided-long-edge");
    }

    @Test
    void sealedCertificateIsPrintedTwoSidedAndTheSpooledPdfVerifies() throws Exception {
        try (SealVerifier verifier = new SealVerifier(TrustedIssuers.of(CHIYODA.certificate()), KEY)) {
            PrintableCertificate certificate = sealed(1, "DOC-IPP-1");
            int before = healthy.spooledPdfs().size();

            PrintOutcome outcome = kiosk(healthy).print(certificate, Duration.ofSeconds(30));

            assertThat(outcome.printed()).as(outcome.detail()).isTrue();
            assertThat(outcome.pagesKnownPrinted()).isEqualTo(2);
            assertThat(healthy.spooledPdfs()).hasSize(before + 1);
            byte[] spooled = Files.readAllBytes(healthy.spooledPdfs().get(before));
            try (PDDocument document = Loader.loadPDF(spooled)) {
                assertThat(document.getNumberOfPages()).isEqualTo(2);
                assertThat(new PDFTextStripper().getText(document))
                        .contains("住民票の写し")
                        .contains(SampleCertificate.HOUSEHOLDER);
            }
            assertThat(verifier.verifyPdf(spooled).verdict()).isEqualTo(Verdict.GENUINE);
            assertThat(verifier.verifyPdf(withNameChanged(spooled)).verdict()).isEqualTo(Verdict.ALTERED);
        }
    }

    @Test
    void threePageCertificateComesOutAsThreeSheets() throws Exception {
        PrintOutcome outcome = kiosk(healthy).print(sealed(3, "DOC-IPP-3"), Duration.ofSeconds(30));

        assertThat(outcome.printed()).as(outcome.detail()).isTrue();
        assertThat(outcome.pagesKnownPrinted()).isEqualTo(6);
        assertThat(PrinterJobs.notCompleted(healthy.uri())).isEmpty();
    }

    @Test
    void jamMidJobCancelsTheJobAndReportsItNotPrinted() throws Exception {
        try (IppEvePrinter printer = IppEvePrinter.start(work, IppEvePrinter.JAMS_AFTER_ONE_PAGE)) {
            PrintOutcome outcome = kiosk(printer).print(sealed(3, "DOC-IPP-JAM"), Duration.ofSeconds(30));

            assertThat(outcome.printed()).isFalse();
            assertThat(outcome.failure()).contains(ErrorCode.PAPER_JAM);
            assertThat(outcome.pagesKnownPrinted()).isEqualTo(1);
            assertThat(outcome.conditions()).contains(PrinterCondition.MEDIA_JAM);
            assertThat(outcome.jobLeftOnPrinter()).isFalse();
            assertThat(PrinterJobs.notCompleted(printer.uri())).isEmpty();
        }
    }

    @Test
    void jobThatNeverCompletesIsCancelledAtItsTimeLimit() throws Exception {
        try (IppEvePrinter printer = IppEvePrinter.start(work, IppEvePrinter.NEVER_FINISHES)) {
            long start = System.nanoTime();
            PrintOutcome outcome = kiosk(printer).print(sealed(1, "DOC-IPP-SLOW"), Duration.ofMillis(800));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(outcome.printed()).isFalse();
            assertThat(outcome.failure()).contains(ErrorCode.JOB_TIMED_OUT);
            assertThat(outcome.jobId()).isPresent();
            assertThat(outcome.jobLeftOnPrinter()).isFalse();
            assertThat(took).isLessThan(Duration.ofSeconds(15));
            assertThat(PrinterJobs.notCompleted(printer.uri())).isEmpty();
        }
    }

    @Test
    void printerSwitchedOffBeforeTheJobGetsNothing() {
        IppEvePrinter printer = IppEvePrinter.start(work, IppEvePrinter.PRINTS_EVERYTHING);
        IppCertificatePrinter kiosk = kiosk(printer);
        printer.stop();

        PrintOutcome outcome = kiosk.print(sealed(1, "DOC-IPP-OFF"), Duration.ofSeconds(5));

        assertThat(outcome.printed()).isFalse();
        assertThat(outcome.failure()).contains(ErrorCode.PRINTER_UNREACHABLE);
        assertThat(outcome.jobId()).isEmpty();
        assertThat(kiosk.status().state()).isEqualTo(PrinterState.UNREACHABLE);
        assertThat(printer.spooledPdfs()).isEmpty();
    }

    /** A forger's edit: the householder's name in the certificate layer becomes another. */
    static byte[] withNameChanged(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFormXObject layer =
                    (PDFormXObject) document.getPage(0).getResources().getXObject(COSName.getPDFName("MgCertificate"));
            String content;
            try (InputStream in = layer.getContentStream().createInputStream()) {
                content = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            // Shift one text line: the page reads differently, as any edit does.
            String edited = content.replaceFirst("(\\d+(\\.\\d+)?) (\\d+(\\.\\d+)?) Td", "$1 100 Td");
            assertThat(edited).isNotEqualTo(content);
            try (var out = layer.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
                out.write(edited.getBytes(StandardCharsets.ISO_8859_1));
            }
            var bytes = new java.io.ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }
}
