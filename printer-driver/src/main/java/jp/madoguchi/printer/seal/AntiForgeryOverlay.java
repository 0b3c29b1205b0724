package jp.madoguchi.printer.seal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.madoguchi.fonts.KioskTypeface;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.seal.internal.CopyEvidentBackground;
import jp.madoguchi.printer.seal.internal.GlyphOutlines;
import jp.madoguchi.printer.seal.internal.GrayImageXObject;
import jp.madoguchi.printer.seal.internal.PageLayout;
import jp.madoguchi.printer.seal.internal.SealImage;
import jp.madoguchi.printer.seal.internal.TileScrambler;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Applies the anti-forgery overlay to a certificate whose signature the caller has already
 * checked, producing the PDF the printer gets. Per certificate page it prints one sheet:
 *
 * <ul>
 *   <li>front: the copy-evident background, the issuer's page unchanged as the certificate layer,
 *       and a QR code with the seal (document id, issuer, issue date, page, digest of the
 *       certificate layer, issuer's signature from the {@link SealSigner});
 *   <li>back (unless built {@link #withoutBack}): the background over a keyed, scrambled image of
 *       the front.
 * </ul>
 *
 * <p>Everything happens in memory; nothing is written to disk. Instances are thread-safe and meant
 * to be reused (they hold the parsed font and the generated background).
 */
public final class AntiForgeryOverlay implements AutoCloseable {
    /** Largest certificate PDF accepted. */
    public static final int MAX_PDF_BYTES = 32 * 1024 * 1024;

    private static final int MAX_PAGES = 20;

    private final SealSigner signer;
    private final ScrambleKey scrambleKey;
    private final GlyphOutlines glyphs;
    private final CopyEvidentBackground background;

    /** An overlay with a scrambled back on every sheet (printed two-sided). */
    public AntiForgeryOverlay(SealSigner signer, ScrambleKey scrambleKey) {
        this(signer, Objects.requireNonNull(scrambleKey, "scrambleKey"), true);
    }

    private AntiForgeryOverlay(SealSigner signer, ScrambleKey scrambleKey, boolean withBack) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.scrambleKey = withBack ? scrambleKey : null;
        this.glyphs = new GlyphOutlines(KioskTypeface.REGULAR);
        this.background = new CopyEvidentBackground(glyphs);
    }

    /** An overlay for a one-sided printer: fronts only, no scrambled back. */
    public static AntiForgeryOverlay withoutBack(SealSigner signer) {
        return new AntiForgeryOverlay(signer, null, false);
    }

    /** True when sheets get a scrambled back. */
    public boolean printsBack() {
        return scrambleKey != null;
    }

    /**
     * Seals a verified certificate.
     *
     * @param verifiedPdf the certificate PDF, its signature already checked by the caller
     * @param metadata ids and date the seal carries
     * @throws PrinterException {@code UNSUPPORTED_DOCUMENT} for a PDF that is not a flat A4 portrait
     *     certificate, {@code SEAL_SIGNING_FAILED} when the issuer cannot sign
     */
    public PrintableCertificate apply(byte[] verifiedPdf, CertificateMetadata metadata) {
        Objects.requireNonNull(verifiedPdf, "verifiedPdf");
        Objects.requireNonNull(metadata, "metadata");
        if (verifiedPdf.length == 0 || verifiedPdf.length > MAX_PDF_BYTES) {
            throw new PrinterException(
                    ErrorCode.UNSUPPORTED_DOCUMENT, "PDF size " + verifiedPdf.length + " bytes is out of range");
        }
        try (PDDocument document = load(verifiedPdf)) {
            List<SourcePage> sources = readSourcePages(document, metadata);
            List<SealPayload> seals = new ArrayList<>();
            for (SourcePage source : sources) {
                seals.add(SealPayload.sign(metadata, source.number, sources.size(), source.digest, signer));
            }
            replaceStructure(document);
            Map<String, PDFormXObject> backgrounds = new HashMap<>();
            for (int i = 0; i < sources.size(); i++) {
                SourcePage source = sources.get(i);
                PDFormXObject bg =
                        backgrounds.computeIfAbsent(boxKey(source.box), k -> background.create(document, source.box));
                document.addPage(front(document, source, bg, seals.get(i)));
                if (scrambleKey != null) {
                    document.addPage(back(document, source, bg, metadata));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(verifiedPdf.length + 256 * 1024);
            document.save(out);
            return new PrintableCertificate(
                    metadata.documentId(), out.toByteArray(), sources.size(), scrambleKey != null, seals);
        } catch (IOException e) {
            throw new PrinterException(ErrorCode.UNSUPPORTED_DOCUMENT, "the PDF cannot be processed", e);
        } catch (PrinterException e) {
            throw e;
        } catch (RuntimeException e) {
            // A malformed PDF can trip PDFBox anywhere; it is the document's fault, not the kiosk's.
            throw new PrinterException(
                    ErrorCode.UNSUPPORTED_DOCUMENT,
                    "the PDF is malformed (" + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    static PDDocument load(byte[] pdf) {
        try {
            PDDocument document = Loader.loadPDF(pdf, "", null, null, IOUtils.createMemoryOnlyStreamCache());
            if (document.isEncrypted()) {
                document.close();
                throw new PrinterException(ErrorCode.UNSUPPORTED_DOCUMENT, "the PDF is encrypted");
            }
            return document;
        } catch (IOException e) {
            throw new PrinterException(ErrorCode.UNSUPPORTED_DOCUMENT, "the bytes are not a readable PDF", e);
        }
    }

    /** What the sheet of one certificate page is made from, read before the page tree is replaced. */
    private static final class SourcePage {
        int number;
        PDRectangle box;
        byte[] content;
        COSBase resources;
        byte[] digest;
        BufferedImage rendered;
    }

    private List<SourcePage> readSourcePages(PDDocument document, CertificateMetadata metadata) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        if (catalog.getCOSObject().containsKey(COSName.getPDFName("OCProperties"))) {
            throw new PrinterException(ErrorCode.UNSUPPORTED_DOCUMENT, "the PDF has optional content (layers)");
        }
        int pages = document.getNumberOfPages();
        if (pages < 1 || pages > MAX_PAGES) {
            throw new PrinterException(
                    ErrorCode.UNSUPPORTED_DOCUMENT, "a certificate has 1 to " + MAX_PAGES + " pages, got " + pages);
        }
        PDFRenderer renderer = scrambleKey == null ? null : new PDFRenderer(document);
        if (renderer != null) {
            renderer.setRenderingHints(PageLayout.scrambleRenderingHints());
        }
        List<SourcePage> sources = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            PDRectangle box = page.getMediaBox();
            if (page.getRotation() != 0 || !PageLayout.isA4Portrait(box)) {
                throw new PrinterException(
                        ErrorCode.UNSUPPORTED_DOCUMENT,
                        "page " + (i + 1) + " is not A4 portrait (" + box.getWidth() + "x" + box.getHeight()
                                + " pt, rotation " + page.getRotation() + ")");
            }
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation.isPrinted() && !annotation.isHidden() && !annotation.isNoView()) {
                    throw new PrinterException(
                            ErrorCode.UNSUPPORTED_DOCUMENT, "page " + (i + 1) + " has a printable annotation");
                }
            }
            SourcePage source = new SourcePage();
            source.number = i + 1;
            source.box = new PDRectangle(new BoundingBox(
                    box.getLowerLeftX(), box.getLowerLeftY(), box.getUpperRightX(), box.getUpperRightY()));
            source.content = CertificateLayerDigest.pageContent(page);
            COSBase ownResources = page.getCOSObject().getItem(COSName.RESOURCES);
            source.resources =
                    ownResources != null ? ownResources : page.getResources().getCOSObject();
            source.digest = CertificateLayerDigest.ofPage(page);
            if (renderer != null) {
                source.rendered = renderer.renderImageWithDPI(i, PageLayout.SCRAMBLE_DPI, ImageType.GRAY);
            }
            sources.add(source);
        }
        return sources;
    }

    /**
     * Replaces the page tree with an empty one and drops everything else from the catalog, so the
     * printed PDF holds only the sealed sheets (no inherited page attributes, outlines, forms or
     * scripts of the issuer's file).
     */
    private static void replaceStructure(PDDocument document) {
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        COSDictionary pages = new COSDictionary();
        pages.setItem(COSName.TYPE, COSName.PAGES);
        pages.setItem(COSName.KIDS, new COSArray());
        pages.setInt(COSName.COUNT, 0);
        for (COSName key : new ArrayList<>(catalog.keySet())) {
            if (!COSName.TYPE.equals(key)) {
                catalog.removeItem(key);
            }
        }
        catalog.setItem(COSName.PAGES, pages);
        PDDocumentInformation info = new PDDocumentInformation();
        info.setProducer("Madoguchi");
        document.setDocumentInformation(info);
    }

    private static PDPage front(PDDocument document, SourcePage source, PDFormXObject bg, SealPayload seal)
            throws IOException {
        PDFormXObject layer = new PDFormXObject(
                new PDStream(document, new ByteArrayInputStream(source.content), COSName.FLATE_DECODE));
        layer.setBBox(source.box);
        layer.getCOSObject().setItem(COSName.RESOURCES, source.resources);
        PDResources resources = new PDResources();
        resources.put(COSName.getPDFName(PageLayout.BACKGROUND), bg);
        resources.put(COSName.getPDFName(PageLayout.CERTIFICATE), layer);
        resources.put(
                COSName.getPDFName(PageLayout.SEAL), SealImage.create(document, SealImage.modules(seal.toQrText())));
        PDPage page = new PDPage(source.box);
        page.setResources(resources);
        page.setContents(new PDStream(
                document, new ByteArrayInputStream(PageLayout.frontContent(source.box)), COSName.FLATE_DECODE));
        return page;
    }

    private PDPage back(PDDocument document, SourcePage source, PDFormXObject bg, CertificateMetadata metadata)
            throws IOException {
        BufferedImage rendered = source.rendered;
        TileScrambler scrambler = new TileScrambler(
                scrambleKey.bytes(), metadata.documentId(), source.number, rendered.getWidth(), rendered.getHeight());
        BufferedImage scrambled = scrambler.scramble(rendered);
        PDResources resources = new PDResources();
        resources.put(COSName.getPDFName(PageLayout.BACKGROUND), bg);
        resources.put(COSName.getPDFName(PageLayout.SCRAMBLED), GrayImageXObject.create(document, scrambled));
        PDPage page = new PDPage(source.box);
        page.setResources(resources);
        page.setContents(new PDStream(
                document,
                new ByteArrayInputStream(
                        PageLayout.backContent(source.box, scrambled.getWidth(), scrambled.getHeight())),
                COSName.FLATE_DECODE));
        return page;
    }

    private static String boxKey(PDRectangle box) {
        return box.getLowerLeftX() + "," + box.getLowerLeftY() + "," + box.getUpperRightX() + ","
                + box.getUpperRightY();
    }

    @Override
    public void close() {
        glyphs.close();
    }
}
