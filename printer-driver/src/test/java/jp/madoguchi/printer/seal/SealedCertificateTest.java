package jp.madoguchi.printer.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.SampleCertificate;
import jp.madoguchi.printer.TestIssuer;
import jp.madoguchi.printer.seal.VerificationReport.BackCheck;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SealedCertificateTest {
    static final TestIssuer CHIYODA = TestIssuer.ec("131016");
    static final ScrambleKey KEY = ScrambleKey.generate(new SecureRandom());
    static final CertificateMetadata METADATA =
            new CertificateMetadata("DOC-2025-000123", "131016", LocalDate.of(2025, 11, 23));

    static AntiForgeryOverlay overlay;
    static SealVerifier verifier;
    static PrintableCertificate onePage;
    static PrintableCertificate threePages;

    @BeforeAll
    static void seal() {
        overlay = new AntiForgeryOverlay(CHIYODA.signer(), KEY);
        verifier = new SealVerifier(TrustedIssuers.of(CHIYODA.certificate()), KEY);
        onePage = overlay.apply(SampleCertificate.onePage(), METADATA);
        threePages = overlay.apply(SampleCertificate.pages(3), METADATA);
    }

    @AfterAll
    static void close() {
        overlay.close();
        verifier.close();
    }

    @Test
    void sealedOnePageCertificateVerifiesGenuineWithMatchingBack() {
        VerificationReport report = verifier.verifyPdf(onePage.pdf());

        assertThat(report.findings()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(report.back()).isEqualTo(BackCheck.MATCHES_FRONT);
        assertThat(report.seals()).singleElement().satisfies(seal -> {
            assertThat(seal.metadata()).isEqualTo(METADATA);
            assertThat(seal.page()).isEqualTo(1);
            assertThat(seal.pageCount()).isEqualTo(1);
        });
    }

    @Test
    void eachCertificatePageBecomesOneTwoSidedSheet() throws IOException {
        assertThat(threePages.sheets()).isEqualTo(3);
        assertThat(threePages.twoSided()).isTrue();
        try (PDDocument printed = Loader.loadPDF(threePages.pdf())) {
            assertThat(printed.getNumberOfPages()).isEqualTo(6);
        }
        VerificationReport report = verifier.verifyPdf(threePages.pdf());
        assertThat(report.findings()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(report.seals()).extracting(SealPayload::page).containsExactly(1, 2, 3);
    }

    @Test
    void printedCertificateKeepsTheIssuersTextExtractable() throws IOException {
        try (PDDocument printed = Loader.loadPDF(onePage.pdf())) {
            String text = new PDFTextStripper().getText(printed);
            assertThat(text)
                    .contains("住民票の写し")
                    .contains(SampleCertificate.HOUSEHOLDER)
                    .contains("千代田区長");
        }
    }

    @Test
    void sealDigestIsWhatTheIssuerComputesFromItsOwnPage() throws IOException {
        try (PDDocument original = Loader.loadPDF(SampleCertificate.onePage())) {
            byte[] issuerSide = CertificateLayerDigest.ofPage(original.getPage(0));
            assertThat(onePage.seals().get(0).pageDigest()).isEqualTo(issuerSide);
        }
    }

    @Test
    void editedCertificateTextIsReportedAltered() throws IOException {
        byte[] edited = editLayer(onePage.pdf(), 0, content -> content.replace("Td", "Td 1 Tz"));

        VerificationReport report = verifier.verifyPdf(edited);

        assertThat(report.verdict()).isEqualTo(Verdict.ALTERED);
        assertThat(report.findings()).anyMatch(f -> f.contains("certificate content differs"));
    }

    @Test
    void textDrawnOverTheSealedPageIsReportedAltered() throws IOException {
        byte[] edited;
        try (PDDocument document = Loader.loadPDF(onePage.pdf())) {
            PDPage front = document.getPage(0);
            try (PDPageContentStream s =
                    new PDPageContentStream(document, front, PDPageContentStream.AppendMode.APPEND, true)) {
                s.setNonStrokingColor(1f, 1f, 1f);
                s.addRect(200, 500, 200, 40);
                s.fill();
            }
            edited = save(document);
        }

        VerificationReport report = verifier.verifyPdf(edited);

        assertThat(report.verdict()).isEqualTo(Verdict.ALTERED);
        assertThat(report.findings()).anyMatch(f -> f.contains("something was drawn on the page"));
    }

    @Test
    void sheetsInAnotherOrderAreReportedAltered() throws IOException {
        byte[] reordered;
        try (PDDocument document = Loader.loadPDF(threePages.pdf())) {
            PDPage firstFront = document.getPage(0);
            PDPage firstBack = document.getPage(1);
            document.getPages().remove(firstFront);
            document.getPages().remove(firstBack);
            document.getPages().add(firstFront);
            document.getPages().add(firstBack);
            reordered = save(document);
        }

        VerificationReport report = verifier.verifyPdf(reordered);

        assertThat(report.verdict()).isEqualTo(Verdict.ALTERED);
        assertThat(report.findings()).anyMatch(f -> f.contains("sheets reordered or swapped"));
    }

    @Test
    void backOfAnotherDocumentDoesNotMatchItsFront() throws IOException {
        PrintableCertificate other = overlay.apply(
                SampleCertificate.onePage(),
                new CertificateMetadata("DOC-OTHER", "131016", LocalDate.of(2025, 11, 23)));
        byte[] mixed;
        try (PDDocument document = Loader.loadPDF(onePage.pdf());
                PDDocument donor = Loader.loadPDF(other.pdf())) {
            // Same page, but the back was scrambled for another document id: its tiles are in another order.
            COSName scrambled = COSName.getPDFName("MgScrambled");
            document.getPage(1)
                    .getResources()
                    .put(scrambled, donor.getPage(1).getResources().getXObject(scrambled));
            mixed = save(document);
        }

        VerificationReport report = verifier.verifyPdf(mixed);

        assertThat(report.back()).isEqualTo(BackCheck.DIFFERS_FROM_FRONT);
        assertThat(report.verdict()).isEqualTo(Verdict.ALTERED);
    }

    @Test
    void withoutTheScrambleKeyTheBackIsNotJudged() {
        try (SealVerifier noKey = new SealVerifier(TrustedIssuers.of(CHIYODA.certificate()))) {
            VerificationReport report = noKey.verifyPdf(onePage.pdf());
            assertThat(report.verdict()).isEqualTo(Verdict.GENUINE);
            assertThat(report.back()).isEqualTo(BackCheck.NOT_CHECKED_NO_KEY);
        }
    }

    @Test
    void sealOfAnUntrustedKeyIsUnknownIssuer() {
        TestIssuer forger = TestIssuer.ec("131016");
        try (SealVerifier trustsOnlyForger = new SealVerifier(TrustedIssuers.of(forger.certificate()), KEY)) {
            VerificationReport report = trustsOnlyForger.verifyPdf(onePage.pdf());
            assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN_ISSUER);
            assertThat(report.findings()).anyMatch(f -> f.contains("not among the 1 trusted"));
        }
    }

    @Test
    void rsaIssuerSealsVerifyToo() {
        TestIssuer rsa = TestIssuer.rsa("271004");
        try (AntiForgeryOverlay rsaOverlay = new AntiForgeryOverlay(rsa.signer(), KEY);
                SealVerifier rsaVerifier = new SealVerifier(TrustedIssuers.of(rsa.certificate()), KEY)) {
            PrintableCertificate sealed = rsaOverlay.apply(
                    SampleCertificate.onePage(),
                    new CertificateMetadata("OSAKA-1", "271004", LocalDate.of(2025, 6, 1)));
            assertThat(rsaVerifier.verifyPdf(sealed.pdf()).verdict()).isEqualTo(Verdict.GENUINE);
        }
    }

    @Test
    void qrTextAloneIsGenuineAndATamperedOneIsNot() {
        String qr = onePage.seals().get(0).toQrText();
        assertThat(verifier.verifyQr(qr).verdict()).isEqualTo(Verdict.GENUINE);

        SealPayload seal = SealPayload.parse(qr);
        String otherDocument = SealPayloadTamper.withDocumentId(seal, "DOC-2025-000124", CHIYODA.certificate());
        assertThat(verifier.verifyQr(otherDocument).verdict()).isEqualTo(Verdict.ALTERED);
        assertThat(verifier.verifyQr("https://example.com/not-a-seal").verdict())
                .isEqualTo(Verdict.NOT_SEALED);
    }

    @Test
    void bytesThatAreNotAPdfAreNotSealed() {
        VerificationReport report = verifier.verifyPdf("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(report.verdict()).isEqualTo(Verdict.NOT_SEALED);
        assertThat(verifier.verifyPdf(SampleCertificate.onePage()).verdict()).isEqualTo(Verdict.NOT_SEALED);
    }

    @Test
    void overlayRefusesAPdfThatIsNotACertificatePage() {
        assertThatThrownBy(() -> overlay.apply("not a pdf".getBytes(StandardCharsets.US_ASCII), METADATA))
                .isInstanceOfSatisfying(PrinterException.class, e -> assertThat(e.code())
                        .isEqualTo(PrinterException.ErrorCode.UNSUPPORTED_DOCUMENT));
    }

    /** Rewrites the content of the certificate layer of one front page, as a forger would. */
    static byte[] editLayer(byte[] pdf, int pageIndex, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFormXObject layer = (PDFormXObject)
                    document.getPage(pageIndex).getResources().getXObject(COSName.getPDFName("MgCertificate"));
            String content;
            try (InputStream in = layer.getContentStream().createInputStream()) {
                content = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            String changed = edit.apply(content);
            assertThat(changed).isNotEqualTo(content);
            PDStream stream = layer.getContentStream();
            try (var out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(changed.getBytes(StandardCharsets.ISO_8859_1));
            }
            return save(document);
        }
    }

    static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
