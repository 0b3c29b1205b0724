package jp.madoguchi.printer.seal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.fonts.KioskTypeface;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.seal.VerificationReport.BackCheck;
import jp.madoguchi.printer.seal.internal.CopyEvidentBackground;
import jp.madoguchi.printer.seal.internal.CosCanonicalDigest;
import jp.madoguchi.printer.seal.internal.GlyphOutlines;
import jp.madoguchi.printer.seal.internal.GrayImageXObject;
import jp.madoguchi.printer.seal.internal.ImageSimilarity;
import jp.madoguchi.printer.seal.internal.PageLayout;
import jp.madoguchi.printer.seal.internal.QrScanner;
import jp.madoguchi.printer.seal.internal.SealImage;
import jp.madoguchi.printer.seal.internal.TileScrambler;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Checks a printed certificate offline: the PDF the kiosk printed (or a QR text read from paper)
 * against the trusted issuer certificates. See {@code docs/anti-forgery.md} for every check.
 *
 * <p>Thread-safe; reuse one instance (it holds the parsed font to rebuild the background).
 */
public final class SealVerifier implements AutoCloseable {
    /** Minimum correlation between an unscrambled back and its front. */
    static final double BACK_MATCH = 0.85;

    private static final float SCAN_DPI = 300f;
    private static final Set<String> PAGE_KEYS = Set.of("Type", "Parent", "MediaBox", "Resources", "Contents");

    private final TrustedIssuers trust;
    private final ScrambleKey scrambleKey;
    private final GlyphOutlines glyphs;
    private final CopyEvidentBackground background;
    private final Map<String, byte[]> expectedBackground = new HashMap<>();

    /** A verifier without the scramble key: backs are checked for structure only. */
    public SealVerifier(TrustedIssuers trust) {
        this(trust, null);
    }

    /** A verifier that also unscrambles the backs and compares them with the fronts. */
    public SealVerifier(TrustedIssuers trust, ScrambleKey scrambleKey) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.scrambleKey = scrambleKey;
        this.glyphs = new GlyphOutlines(KioskTypeface.REGULAR);
        this.background = new CopyEvidentBackground(glyphs);
    }

    /**
     * Checks a seal QR text alone (read from paper with any QR reader). It proves who sealed which
     * document, page and date; it cannot prove the paper's text, so compare it with the issuer's
     * record or verify the PDF.
     */
    public VerificationReport verifyQr(String qrText) {
        List<String> findings = new ArrayList<>();
        SealPayload seal;
        try {
            seal = SealPayload.parse(qrText);
        } catch (PrinterException e) {
            findings.add("not a Madoguchi seal: " + e.getMessage());
            return new VerificationReport(Verdict.NOT_SEALED, List.of(), findings, BackCheck.NO_BACK);
        }
        Verdict verdict = checkSignature(seal, findings, "the seal");
        if (verdict == Verdict.GENUINE) {
            findings.add("the QR code is a genuine seal; it cannot vouch for the printed text by itself"
                    + " (verify the PDF, or compare the page digest " + seal.pageDigestHex() + ")");
        }
        return new VerificationReport(verdict, List.of(seal), findings, BackCheck.NO_BACK);
    }

    /** Checks a printed certificate PDF: every sheet's seal, certificate layer, background and back. */
    public VerificationReport verifyPdf(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        List<String> findings = new ArrayList<>();
        if (pdf.length == 0 || pdf.length > AntiForgeryOverlay.MAX_PDF_BYTES * 2) {
            findings.add("the file size (" + pdf.length + " bytes) is not that of a sealed certificate");
            return new VerificationReport(Verdict.NOT_SEALED, List.of(), findings, BackCheck.NO_BACK);
        }
        try (PDDocument document = AntiForgeryOverlay.load(pdf)) {
            return verify(document, findings);
        } catch (PrinterException e) {
            findings.add("the file is not a readable, unencrypted PDF");
            return new VerificationReport(Verdict.NOT_SEALED, List.of(), findings, BackCheck.NO_BACK);
        } catch (IOException | RuntimeException e) {
            // A hostile or broken PDF must give an answer, never an exception.
            findings.add("the PDF could not be checked: " + e.getClass().getSimpleName());
            return new VerificationReport(Verdict.ALTERED, List.of(), findings, BackCheck.NO_BACK);
        }
    }

    private VerificationReport verify(PDDocument document, List<String> findings) throws IOException {
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        List<Verdict> verdicts = new ArrayList<>();
        if (catalog.containsKey(COSName.getPDFName("OCProperties")) || catalog.containsKey(COSName.ACRO_FORM)) {
            findings.add("the PDF has layers or form fields added after sealing");
            verdicts.add(Verdict.ALTERED);
        }
        List<SealPayload> seals = new ArrayList<>();
        List<PDFormXObject> layers = new ArrayList<>();
        BackCheck back = BackCheck.NO_BACK;
        int fronts = 0;
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            String where = "PDF page " + (i + 1);
            PDResources resources = page.getResources();
            if (xobject(resources, PageLayout.CERTIFICATE) != null) {
                fronts++;
                FrontResult front = checkFront(document, i, page, where, fronts);
                findings.addAll(front.findings);
                verdicts.add(front.verdict);
                front.seal.ifPresent(seals::add);
                layers.add(front.layer);
            } else if (xobject(resources, PageLayout.SCRAMBLED) != null) {
                PDFormXObject layer = layers.isEmpty() ? null : layers.get(layers.size() - 1);
                SealPayload seal = seals.size() == fronts && !seals.isEmpty() ? seals.get(seals.size() - 1) : null;
                BackCheck result = checkBack(page, where, layer, seal, findings);
                back = combine(back, result);
                if (result == BackCheck.DIFFERS_FROM_FRONT || result == null) {
                    verdicts.add(Verdict.ALTERED);
                }
            } else {
                findings.add(where + " is not a sealed page (no seal, no scrambled back)");
                verdicts.add(Verdict.ALTERED);
            }
        }
        if (fronts == 0) {
            findings.add("no Madoguchi seal found in the PDF");
            return new VerificationReport(Verdict.NOT_SEALED, List.of(), findings, BackCheck.NO_BACK);
        }
        checkDocument(seals, fronts, findings, verdicts);
        return new VerificationReport(overall(verdicts), seals, findings, back);
    }

    private static BackCheck combine(BackCheck sofar, BackCheck next) {
        if (next == null || next == BackCheck.DIFFERS_FROM_FRONT || sofar == BackCheck.DIFFERS_FROM_FRONT) {
            return BackCheck.DIFFERS_FROM_FRONT;
        }
        if (next == BackCheck.NOT_CHECKED_NO_KEY || sofar == BackCheck.NOT_CHECKED_NO_KEY) {
            return BackCheck.NOT_CHECKED_NO_KEY;
        }
        return BackCheck.MATCHES_FRONT;
    }

    /** An unknown issuer means nothing else can be judged; otherwise any failure means altered. */
    private static Verdict overall(List<Verdict> verdicts) {
        if (verdicts.contains(Verdict.UNKNOWN_ISSUER)) {
            return Verdict.UNKNOWN_ISSUER;
        }
        if (verdicts.contains(Verdict.ALTERED) || verdicts.contains(Verdict.NOT_SEALED)) {
            return Verdict.ALTERED;
        }
        return Verdict.GENUINE;
    }

    private static final class FrontResult {
        Verdict verdict = Verdict.GENUINE;
        Optional<SealPayload> seal = Optional.empty();
        PDFormXObject layer;
        final List<String> findings = new ArrayList<>();

        void altered(String finding) {
            findings.add(finding);
            if (verdict == Verdict.GENUINE) {
                verdict = Verdict.ALTERED;
            }
        }
    }

    private FrontResult checkFront(PDDocument document, int index, PDPage page, String where, int frontNumber)
            throws IOException {
        FrontResult result = new FrontResult();
        PDRectangle box = page.getMediaBox();
        checkPageDictionary(page, where, result::altered);
        if (!Arrays.equals(contentOf(page), PageLayout.frontContent(box))) {
            result.altered(where + ": something was drawn on the page besides the certificate and its seal");
        }
        checkXObjectNames(
                page.getResources(),
                Set.of(PageLayout.BACKGROUND, PageLayout.CERTIFICATE, PageLayout.SEAL),
                where,
                result::altered);
        checkBackground(page.getResources(), box, where, result::altered);

        PDXObject layerObject = xobject(page.getResources(), PageLayout.CERTIFICATE);
        if (!(layerObject instanceof PDFormXObject layer)) {
            result.altered(where + ": the certificate layer is not a form");
            return result;
        }
        result.layer = layer;

        PDXObject sealObject = xobject(page.getResources(), PageLayout.SEAL);
        Optional<boolean[][]> modules =
                sealObject instanceof PDImageXObject image ? SealImage.read(image) : Optional.empty();
        if (modules.isEmpty()) {
            result.altered(where + ": the seal QR code is missing or is not a plain QR image");
            return result;
        }
        Optional<String> text = QrScanner.scan(page, PageLayout.sealArea(box), SCAN_DPI);
        if (text.isEmpty()) {
            result.findings.add(where + ": the QR code did not scan from the rendered page; read from its image");
            text = QrScanner.decodeModules(modules.get());
        }
        if (text.isEmpty()) {
            result.altered(where + ": the seal QR code cannot be read");
            return result;
        }
        if (!SealImage.encodes(modules.get(), text.get())) {
            result.altered(where + ": the seal QR image was modified");
        }
        SealPayload seal;
        try {
            seal = SealPayload.parse(text.get());
        } catch (PrinterException e) {
            result.altered(where + ": the QR code is not a Madoguchi seal");
            return result;
        }
        result.seal = Optional.of(seal);
        Verdict signature = checkSignature(seal, result.findings, where + " seal");
        if (signature != Verdict.GENUINE) {
            result.verdict = signature == Verdict.UNKNOWN_ISSUER ? Verdict.UNKNOWN_ISSUER : Verdict.ALTERED;
        }
        if (seal.page() != frontNumber) {
            result.altered(where + ": the seal is for certificate page " + seal.page() + " but this is page "
                    + frontNumber + " (sheets reordered or swapped)");
        }
        if (!sameBox(layer.getBBox(), box)) {
            result.altered(where + ": the certificate layer was resized or moved");
        }
        byte[] digest = CertificateLayerDigest.ofLayer(layer);
        if (!Arrays.equals(digest, seal.pageDigest())) {
            result.altered(where + ": the certificate content differs from what the issuer sealed");
        }
        return result;
    }

    private BackCheck checkBack(
            PDPage page, String where, PDFormXObject frontLayer, SealPayload frontSeal, List<String> findings)
            throws IOException {
        List<String> problems = new ArrayList<>();
        PDRectangle box = page.getMediaBox();
        checkPageDictionary(page, where, problems::add);
        checkXObjectNames(
                page.getResources(), Set.of(PageLayout.BACKGROUND, PageLayout.SCRAMBLED), where, problems::add);
        checkBackground(page.getResources(), box, where, problems::add);
        PDXObject imageObject = xobject(page.getResources(), PageLayout.SCRAMBLED);
        if (!(imageObject instanceof PDImageXObject image)) {
            problems.add(where + ": the scrambled image is missing");
            findings.addAll(problems);
            return null;
        }
        if (!Arrays.equals(contentOf(page), PageLayout.backContent(box, image.getWidth(), image.getHeight()))) {
            problems.add(where + ": something was drawn on the back besides the background and the scrambled image");
        }
        if (frontLayer == null) {
            problems.add(where + ": a back without a front before it");
        }
        findings.addAll(problems);
        if (!problems.isEmpty()) {
            return null;
        }
        if (scrambleKey == null) {
            return BackCheck.NOT_CHECKED_NO_KEY;
        }
        if (frontSeal == null) {
            findings.add(where + ": the back cannot be compared because its front has no readable seal");
            return null;
        }
        if (image.getBitsPerComponent() != 8 || !(image.getColorSpace() instanceof PDDeviceGray)) {
            findings.add(where + ": the scrambled image is not the 8-bit gray image the kiosk prints");
            return BackCheck.DIFFERS_FROM_FRONT;
        }
        // The stored samples, not a colour-managed rendering of them: the scramble works on samples.
        BufferedImage scrambled = GrayImageXObject.read(image);
        BufferedImage front = renderLayer(frontLayer, box);
        TileScrambler scrambler = new TileScrambler(
                scrambleKey.bytes(),
                frontSeal.metadata().documentId(),
                frontSeal.page(),
                front.getWidth(),
                front.getHeight());
        double similarity = ImageSimilarity.correlation(scrambler.unscramble(scrambled), front);
        if (similarity < BACK_MATCH) {
            findings.add(where + ": the back does not unscramble to its front (similarity "
                    + String.format(java.util.Locale.ROOT, "%.2f", similarity) + ")");
            return BackCheck.DIFFERS_FROM_FRONT;
        }
        return BackCheck.MATCHES_FRONT;
    }

    /** Renders the certificate layer alone, as the kiosk rendered the issuer's page for the back. */
    private static BufferedImage renderLayer(PDFormXObject layer, PDRectangle box) throws IOException {
        try (PDDocument scratch = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
            PDPage page = new PDPage(box);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName(PageLayout.CERTIFICATE), layer);
            page.setResources(resources);
            page.setContents(new PDStream(
                    scratch,
                    new java.io.ByteArrayInputStream(("q /" + PageLayout.CERTIFICATE + " Do Q\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
            scratch.addPage(page);
            PDFRenderer renderer = new PDFRenderer(scratch);
            renderer.setRenderingHints(PageLayout.scrambleRenderingHints());
            return renderer.renderImageWithDPI(0, PageLayout.SCRAMBLE_DPI, ImageType.GRAY);
        }
    }

    private void checkDocument(List<SealPayload> seals, int fronts, List<String> findings, List<Verdict> verdicts) {
        if (seals.size() != fronts) {
            return; // Already reported per page.
        }
        SealPayload first = seals.get(0);
        for (SealPayload seal : seals) {
            if (!seal.metadata().equals(first.metadata()) || seal.pageCount() != first.pageCount()) {
                findings.add("the sheets carry seals of different documents ("
                        + first.metadata().documentId() + ", " + seal.metadata().documentId() + ")");
                verdicts.add(Verdict.ALTERED);
                return;
            }
        }
        if (first.pageCount() != fronts) {
            findings.add("the certificate has " + first.pageCount() + " pages but the PDF holds " + fronts);
            verdicts.add(Verdict.ALTERED);
        }
    }

    private Verdict checkSignature(SealPayload seal, List<String> findings, String what) {
        Optional<X509Certificate> certificate = trust.find(seal.keyId());
        if (certificate.isEmpty()) {
            findings.add(what + ": signed with key " + seal.keyIdHex() + " of issuer "
                    + seal.metadata().issuerId() + ", which is not among the " + trust.size()
                    + " trusted issuer certificate(s)");
            return Verdict.UNKNOWN_ISSUER;
        }
        try {
            Signature signature = Signature.getInstance(seal.algorithm());
            signature.initVerify(certificate.get().getPublicKey());
            signature.update(seal.signedBytes());
            if (!signature.verify(seal.signature())) {
                findings.add(what + ": the signature does not match (the seal's data was changed)");
                return Verdict.ALTERED;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            findings.add(
                    what + ": the signature cannot be checked (" + e.getClass().getSimpleName() + ")");
            return Verdict.ALTERED;
        }
        Date issued = Date.from(seal.metadata()
                .issueDate()
                .atStartOfDay(ZoneId.of("Asia/Tokyo"))
                .plusHours(12)
                .toInstant());
        try {
            certificate.get().checkValidity(issued);
        } catch (GeneralSecurityException e) {
            findings.add(what + ": the issuer certificate was not valid on the issue date "
                    + seal.metadata().issueDate());
            return Verdict.UNKNOWN_ISSUER;
        }
        return Verdict.GENUINE;
    }

    private static void checkPageDictionary(PDPage page, String where, java.util.function.Consumer<String> problem) {
        for (COSName key : page.getCOSObject().keySet()) {
            if (!PAGE_KEYS.contains(key.getName())) {
                problem.accept(where + ": the page has an entry /" + key.getName() + " added after sealing");
            }
        }
    }

    private static void checkXObjectNames(
            PDResources resources, Set<String> expected, String where, java.util.function.Consumer<String> problem) {
        COSDictionary dict = resources.getCOSObject();
        boolean onlyXObjects = dict.keySet().stream().allMatch(COSName.XOBJECT::equals);
        Set<String> names = new java.util.TreeSet<>();
        resources.getXObjectNames().forEach(n -> names.add(n.getName()));
        if (!onlyXObjects || !names.equals(expected)) {
            problem.accept(where + ": the page resources were changed");
        }
    }

    private void checkBackground(
            PDResources resources, PDRectangle box, String where, java.util.function.Consumer<String> problem)
            throws IOException {
        PDXObject bg = xobject(resources, PageLayout.BACKGROUND);
        if (!(bg instanceof PDFormXObject form)) {
            problem.accept(where + ": the copy-evident background is missing");
            return;
        }
        byte[] actual = CosCanonicalDigest.of(form.getCOSObject());
        if (!Arrays.equals(actual, expectedBackground(box))) {
            problem.accept(where + ": the copy-evident background was modified");
        }
    }

    private synchronized byte[] expectedBackground(PDRectangle box) throws IOException {
        String key = box.getLowerLeftX() + "," + box.getLowerLeftY() + "," + box.getUpperRightX() + ","
                + box.getUpperRightY();
        byte[] known = expectedBackground.get(key);
        if (known == null) {
            try (PDDocument scratch = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
                known = CosCanonicalDigest.of(background.create(scratch, box).getCOSObject());
            }
            expectedBackground.put(key, known);
        }
        return known;
    }

    private static PDXObject xobject(PDResources resources, String name) throws IOException {
        return resources.getXObject(COSName.getPDFName(name));
    }

    private static byte[] contentOf(PDPage page) throws IOException {
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (contents == null) {
            return new byte[0];
        }
        try (InputStream in = page.getContents()) {
            return in.readAllBytes();
        }
    }

    private static boolean sameBox(PDRectangle a, PDRectangle b) {
        return a != null
                && a.getLowerLeftX() == b.getLowerLeftX()
                && a.getLowerLeftY() == b.getLowerLeftY()
                && a.getUpperRightX() == b.getUpperRightX()
                && a.getUpperRightY() == b.getUpperRightY();
    }

    @Override
    public void close() {
        glyphs.close();
    }
}
