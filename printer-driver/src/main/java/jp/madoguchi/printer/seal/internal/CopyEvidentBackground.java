package jp.madoguchi.printer.seal.internal;

import java.awt.geom.AffineTransform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern;

/**
 * The copy-evident background (地紋) printed under every page, front and back.
 *
 * <p>Two dot screens of the same average tone: fine dots (0.13 mm on a 0.42 mm pitch) everywhere,
 * and coarse dots (0.27 mm on a 0.85 mm pitch) inside the outlines of the latent words 『複写』 and
 * "COPY". On the original both read as one even tint; a photocopier's scanner and toner cannot
 * hold the fine dots, drops them, keeps the coarse ones, and the words appear on the copy. Fine
 * warning text (microtext, 2 pt) runs along the top and bottom edges; a copy blurs it into a line.
 *
 * <p>Everything is vector paths with a fixed number format and no font, so the verifier can build
 * the same form again and compare it object for object.
 */
public final class CopyEvidentBackground {
    /** Millimetres to PDF points. */
    public static final double MM = 72.0 / 25.4;

    static final double MARGIN = 5 * MM;
    static final double FINE_PITCH = 1.2;
    static final double FINE_DOT = 0.379;
    static final double COARSE_PITCH = 2.4;
    static final double COARSE_DOT = 0.759;
    static final double DOT_GRAY = 0.55;
    static final double LATENT_SIZE = 64;
    static final double LATENT_ANGLE_DEGREES = 30;
    static final double MICRO_SIZE = 2.0;
    static final double MICRO_GRAY = 0.35;
    static final String[] LATENT_WORDS = {"複写", "COPY"};
    static final String MICROTEXT = "この証明書は偽造防止処理を施しています。複写すると「複写」の文字が現れます。"
            + "裏面のスクランブル画像とQRコードの電子署名で真正性を確認できます。"
            + "THIS CERTIFICATE IS COPY-EVIDENT AND SEALED. ";

    private final GlyphOutlines glyphs;
    private final Map<String, Parts> cache = new ConcurrentHashMap<>();

    public CopyEvidentBackground(GlyphOutlines glyphs) {
        this.glyphs = glyphs;
    }

    /**
     * The generated streams of one page size, already Flate-compressed (compressing the large
     * content stream again for every certificate cost more than the rest of the background); pure
     * data, shared across documents.
     */
    private record Parts(byte[] content, byte[] finePattern, byte[] coarsePattern, Map<String, byte[]> microGlyphs) {}

    /** Creates the background form for a page of the given media box in a document. */
    public PDFormXObject create(PDDocument document, PDRectangle mediaBox) {
        Parts parts = cache.computeIfAbsent(key(mediaBox), k -> generate(mediaBox));
        try {
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Pf"), pattern(parts.finePattern(), FINE_PITCH));
            resources.put(COSName.getPDFName("Pc"), pattern(parts.coarsePattern(), COARSE_PITCH));
            for (Map.Entry<String, byte[]> glyph : parts.microGlyphs().entrySet()) {
                PDFormXObject form = new PDFormXObject(stream(document, glyph.getValue()));
                form.setBBox(new PDRectangle(-0.5f, -0.5f, 2f, 2f));
                form.setResources(new PDResources());
                resources.put(COSName.getPDFName(glyph.getKey()), form);
            }
            PDFormXObject form = new PDFormXObject(stream(document, parts.content()));
            form.setBBox(printableArea(mediaBox));
            form.setResources(resources);
            return form;
        } catch (IOException e) {
            throw new UncheckedIOException("background could not be built in memory", e);
        }
    }

    /** The part of the page the background covers (printers cannot print to the edge). */
    public static PDRectangle printableArea(PDRectangle mediaBox) {
        return new PDRectangle(
                (float) (mediaBox.getLowerLeftX() + MARGIN),
                (float) (mediaBox.getLowerLeftY() + MARGIN),
                (float) (mediaBox.getWidth() - 2 * MARGIN),
                (float) (mediaBox.getHeight() - 2 * MARGIN));
    }

    private static String key(PDRectangle box) {
        return box.getLowerLeftX() + "," + box.getLowerLeftY() + "," + box.getUpperRightX() + ","
                + box.getUpperRightY();
    }

    private static PDTilingPattern pattern(byte[] deflated, double pitch) throws IOException {
        PDTilingPattern pattern = new PDTilingPattern();
        pattern.setPaintType(PDTilingPattern.PAINT_COLORED);
        pattern.setTilingType(PDTilingPattern.TILING_CONSTANT_SPACING);
        pattern.setBBox(new PDRectangle(0, 0, (float) pitch, (float) pitch));
        pattern.setXStep((float) pitch);
        pattern.setYStep((float) pitch);
        pattern.setResources(new PDResources());
        COSStream stream = pattern.getContentStream().getCOSObject();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(deflated);
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        return pattern;
    }

    /** A stream holding already deflated bytes as they are. */
    private static PDStream stream(PDDocument document, byte[] deflated) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(deflated);
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        return new PDStream(stream);
    }

    private static byte[] deflate(byte[] content) {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream(content.length / 4 + 64);
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION))) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("background could not be compressed in memory", e);
        }
        return deflated.toByteArray();
    }

    private Parts generate(PDRectangle mediaBox) {
        PDRectangle area = printableArea(mediaBox);
        double x0 = area.getLowerLeftX();
        double y0 = area.getLowerLeftY();
        double w = area.getWidth();
        double h = area.getHeight();

        PdfOps ops = new PdfOps();
        // 1. The fine screen everywhere.
        ops.raw("q /Pattern cs /Pf scn").op("re", x0, y0, w, h).raw("f Q");
        // 2. The latent words: knocked out to white, then filled with the coarse screen.
        PdfOps words = new PdfOps();
        latentWords(words, x0, y0, w, h);
        ops.raw("q 1 g").raw(words.toString().strip()).raw("Q");
        ops.raw("q /Pattern cs /Pc scn").raw(words.toString().strip()).raw("Q");
        // 3. Fine warning text along the top and bottom edges.
        Map<String, byte[]> microGlyphs = new LinkedHashMap<>();
        ops.op("g", MICRO_GRAY);
        microtextLine(ops, microGlyphs, x0 + 2, y0 + 1.2 * MM, w - 4);
        microtextLine(ops, microGlyphs, x0 + 2, y0 + h - 1.2 * MM - MICRO_SIZE, w - 4);

        microGlyphs.replaceAll((name, content) -> deflate(content));
        return new Parts(
                deflate(ops.toBytes()),
                deflate(dotCell(FINE_PITCH, FINE_DOT)),
                deflate(dotCell(COARSE_PITCH, COARSE_DOT)),
                microGlyphs);
    }

    private static byte[] dotCell(double pitch, double dot) {
        double offset = (pitch - dot) / 2;
        return new PdfOps()
                .op("g", DOT_GRAY)
                .op("re", offset, offset, dot, dot)
                .raw("f")
                .toBytes();
    }

    private void latentWords(PdfOps ops, double x0, double y0, double w, double h) {
        double angle = Math.toRadians(LATENT_ANGLE_DEGREES);
        double rowStep = LATENT_SIZE * 1.9;
        double colStep = LATENT_SIZE * 4.2;
        // Cover the rotated grid over the whole area: walk a square around the page centre.
        double cx = x0 + w / 2;
        double cy = y0 + h / 2;
        double reach = Math.hypot(w, h) / 2 + LATENT_SIZE * 4;
        int rows = (int) Math.ceil(reach / rowStep);
        int cols = (int) Math.ceil(reach / colStep);
        for (int r = -rows; r <= rows; r++) {
            String word = LATENT_WORDS[Math.floorMod(r, LATENT_WORDS.length)];
            double shift = (r % 2 == 0) ? 0 : colStep / 2;
            for (int c = -cols; c <= cols; c++) {
                double u = c * colStep + shift;
                double v = r * rowStep;
                double px = cx + u * Math.cos(angle) - v * Math.sin(angle);
                double py = cy + u * Math.sin(angle) + v * Math.cos(angle);
                if (px < x0 - LATENT_SIZE * 3
                        || px > x0 + w + LATENT_SIZE
                        || py < y0 - LATENT_SIZE * 3
                        || py > y0 + h + LATENT_SIZE) {
                    continue;
                }
                double pen = 0;
                for (int cp : word.codePoints().toArray()) {
                    int gid = glyphs.glyphId(cp);
                    AffineTransform t = new AffineTransform();
                    t.translate(px, py);
                    t.rotate(angle);
                    t.scale(LATENT_SIZE, LATENT_SIZE);
                    t.translate(pen, 0);
                    ops.path(glyphs.outline(gid), t);
                    pen += glyphs.advance(gid);
                }
                ops.raw("f");
            }
        }
    }

    private void microtextLine(PdfOps ops, Map<String, byte[]> microGlyphs, double x, double y, double width) {
        List<Integer> codePoints = new ArrayList<>();
        MICROTEXT.codePoints().forEach(codePoints::add);
        double pen = 0;
        int k = 0;
        while (true) {
            int gid = glyphs.glyphId(codePoints.get(k % codePoints.size()));
            double advance = glyphs.advance(gid) * MICRO_SIZE;
            if (pen + advance > width) {
                break;
            }
            if (!Character.isWhitespace(codePoints.get(k % codePoints.size()))) {
                String name = "M" + gid;
                microGlyphs.computeIfAbsent(name, n -> new PdfOps()
                        .path(glyphs.outline(gid), new AffineTransform())
                        .raw("f")
                        .toBytes());
                ops.raw("q " + PdfOps.num(MICRO_SIZE) + " 0 0 " + PdfOps.num(MICRO_SIZE) + " " + PdfOps.num(x + pen)
                        + " " + PdfOps.num(y) + " cm /" + name + " Do Q");
            }
            pen += advance;
            k++;
        }
    }
}
