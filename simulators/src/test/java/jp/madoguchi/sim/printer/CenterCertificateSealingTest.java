package jp.madoguchi.sim.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.printer.seal.AntiForgeryOverlay;
import jp.madoguchi.printer.seal.CertificateMetadata;
import jp.madoguchi.printer.seal.LocalKeySealSigner;
import jp.madoguchi.printer.seal.PrintableCertificate;
import jp.madoguchi.printer.seal.ScrambleKey;
import jp.madoguchi.printer.seal.SealVerifier;
import jp.madoguchi.printer.seal.TrustedIssuers;
import jp.madoguchi.printer.seal.Verdict;
import jp.madoguchi.printer.seal.VerificationReport;
import jp.madoguchi.printer.seal.internal.PageLayout;
import jp.madoguchi.sim.center.documents.CertificateLayouts;
import jp.madoguchi.sim.center.documents.CertificatePdfRenderer;
import jp.madoguchi.sim.center.documents.RenderedTemplate;
import jp.madoguchi.sim.resident.Resident;
import jp.madoguchi.sim.resident.ResidentCatalogue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The certificates the issuance-center simulator issues go through the kiosk's anti-forgery
 * overlay and verify: the layout contract between issuer and kiosk (A4, the seal's corner free).
 */
class CenterCertificateSealingTest {

    @Test
    void residenceRecordFromTheCenterIsSealedAndVerifiesGenuine() throws Exception {
        ResidentCatalogue catalogue = new ResidentCatalogue();
        Resident resident = catalogue.find("R0001").orElseThrow();
        List<Resident> household = catalogue.household(resident.householdId());
        RenderedTemplate template = new CertificatePdfRenderer(1)
                .render(CertificateLayouts.of(
                        CertificateType.RESIDENCE_RECORD,
                        resident,
                        household,
                        household,
                        Set.of(),
                        ResidentCatalogue.SHINONOME,
                        LocalDate.of(2025, 11, 23)));
        byte[] pdf = CertificatePdfRenderer.stamp(template, "DOC-00000000000001 " + "0".repeat(36));
        assertThat(sealCornerIsBlank(pdf))
                .as("the issuer leaves the seal's corner free")
                .isTrue();

        KeyPair keys = ecKeys();
        X509Certificate issuer = certificate(keys);
        ScrambleKey key = ScrambleKey.generate(new SecureRandom());
        try (AntiForgeryOverlay overlay =
                        new AntiForgeryOverlay(new LocalKeySealSigner(keys.getPrivate(), issuer), key);
                SealVerifier verifier = new SealVerifier(TrustedIssuers.of(issuer), key)) {
            PrintableCertificate sheets = overlay.apply(
                    pdf, new CertificateMetadata("DOC-00000000000001", "99201", LocalDate.of(2025, 11, 23)));

            VerificationReport report = verifier.verifyPdf(sheets.pdf());

            assertThat(report.findings()).isEmpty();
            assertThat(report.verdict()).isEqualTo(Verdict.GENUINE);
            assertThat(sheets.sheets()).isEqualTo(template.pages());
        }
    }

    /** Renders each page at 72 dpi and checks that the seal's square holds no ink. */
    private static boolean sealCornerIsBlank(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                PDRectangle box = document.getPage(p).getMediaBox();
                PDRectangle seal = PageLayout.sealArea(box);
                BufferedImage page = renderer.renderImageWithDPI(p, 72, ImageType.GRAY);
                int top = Math.round(box.getHeight() - seal.getUpperRightY());
                for (int y = top; y < top + (int) seal.getHeight(); y++) {
                    for (int x = (int) seal.getLowerLeftX(); x < seal.getUpperRightX(); x++) {
                        if ((page.getRGB(x, y) & 0xff) < 250) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=99201 certificate seal");
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
}
