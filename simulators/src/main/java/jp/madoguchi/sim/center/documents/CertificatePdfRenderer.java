package jp.madoguchi.sim.center.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import jp.madoguchi.fonts.KioskTypeface;
import jp.madoguchi.sim.center.documents.CertificateLayout.Row;
import jp.madoguchi.sim.center.documents.CertificateLayout.Section;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Draws a {@link CertificateLayout} as an A4 PDF laid out like a municipal certificate: title,
 * bordered body table (multi-page when long), certification sentence, date, mayor's line, a
 * red municipal seal, page numbers, and a stamp line with the document number and id. The
 * Japanese typeface is embedded as a subset. Parsed fonts are pooled: a TrueType font is read
 * by one rendering at a time.
 */
public final class CertificatePdfRenderer {
    /** Length of the per-document stamp: a 18-character document number, a space, a 36-character id. */
    public static final int STAMP_LENGTH = 55;

    private static final java.util.regex.Pattern STAMP_TEXT = java.util.regex.Pattern.compile("[A-Za-z0-9 .:-]+");

    static final String PLACEHOLDER = "STAMP" + "0".repeat(STAMP_LENGTH - 5);

    private static final float MARGIN = 50;
    private static final float LABEL_WIDTH = 130;
    private static final float BODY_SIZE = 10.5f;
    private static final float LINE = 15;
    private static final float BOTTOM_RESERVE = 215;
    private static final float TOP = 730;

    private final int parallelism;
    private BlockingQueue<TrueTypeFont> fonts;

    /** A renderer that draws up to {@code parallelism} certificates at once. */
    public CertificatePdfRenderer(int parallelism) {
        this.parallelism = parallelism;
    }

    /** Fonts are parsed on first use, so that the center starts quickly. */
    private synchronized BlockingQueue<TrueTypeFont> fonts() {
        if (fonts == null) {
            byte[] ttf = KioskTypeface.REGULAR.bytes();
            BlockingQueue<TrueTypeFont> pool = new ArrayBlockingQueue<>(parallelism);
            try {
                for (int i = 0; i < parallelism; i++) {
                    pool.add(new TTFParser().parse(new RandomAccessReadBuffer(ttf)));
                }
            } catch (IOException e) {
                throw new IllegalStateException("the kiosk typeface cannot be parsed", e);
            }
            fonts = pool;
        }
        return fonts;
    }

    /** Renders {@code layout}; the stamp placeholders are at the returned offsets. */
    public RenderedTemplate render(CertificateLayout layout) {
        BlockingQueue<TrueTypeFont> fonts = fonts();
        TrueTypeFont ttf;
        try {
            ttf = fonts.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a font", e);
        }
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setProducer("Madoguchi issuance-center simulator");
            List<List<Object>> pages = paginate(layout, font);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream out =
                        new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    drawPage(out, font, latin, layout, pages.get(p), p + 1, pages.size());
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            doc.save(bytes, CompressParameters.NO_COMPRESSION);
            byte[] pdf = bytes.toByteArray();
            int[] offsets = find(pdf, PLACEHOLDER.getBytes(StandardCharsets.US_ASCII));
            if (offsets.length != pages.size()) {
                throw new IllegalStateException("expected one stamp per page, found " + offsets.length);
            }
            return new RenderedTemplate(pdf, pages.size(), offsets);
        } catch (IOException e) {
            throw new IllegalStateException("the certificate PDF could not be rendered: " + e.getMessage(), e);
        } finally {
            fonts.add(ttf);
        }
    }

    /** A copy of {@code template} with {@code stamp} (exactly {@link #STAMP_LENGTH} ASCII characters) on every page. */
    public static byte[] stamp(RenderedTemplate template, String stamp) {
        byte[] text = stamp.getBytes(StandardCharsets.US_ASCII);
        if (text.length != STAMP_LENGTH || !STAMP_TEXT.matcher(stamp).matches()) {
            throw new IllegalArgumentException("a stamp is " + STAMP_LENGTH + " plain ASCII characters");
        }
        byte[] pdf = template.pdf().clone();
        for (int offset : template.stampOffsets()) {
            System.arraycopy(text, 0, pdf, offset, text.length);
        }
        return pdf;
    }

    /** Splits rows over pages; each page item is a Section heading (String) or a Row. */
    private static List<List<Object>> paginate(CertificateLayout layout, PDFont font) throws IOException {
        float valueWidth = PDRectangle.A4.getWidth() - 2 * MARGIN - LABEL_WIDTH - 10;
        List<List<Object>> pages = new ArrayList<>();
        List<Object> page = new ArrayList<>();
        float y = TOP;
        for (Section section : layout.sections()) {
            float sectionHeight = (section.heading() == null ? 0 : LINE + 6) + 8;
            for (Row row : section.rows()) {
                sectionHeight += rowHeight(row, font, valueWidth);
            }
            if (y - sectionHeight < BOTTOM_RESERVE && !page.isEmpty()) {
                pages.add(page);
                page = new ArrayList<>();
                y = TOP;
            }
            if (section.heading() != null) {
                page.add(section.heading());
                y -= LINE + 6;
            }
            for (Row row : section.rows()) {
                float h = rowHeight(row, font, valueWidth);
                if (y - h < BOTTOM_RESERVE - 120 && !page.isEmpty()) {
                    pages.add(page);
                    page = new ArrayList<>();
                    y = TOP;
                }
                page.add(row);
                y -= h;
            }
            page.add(Gap.INSTANCE);
            y -= 8;
        }
        pages.add(page);
        return pages;
    }

    private enum Gap {
        INSTANCE
    }

    private static float rowHeight(Row row, PDFont font, float width) throws IOException {
        return Math.max(1, wrap(row.value(), font, BODY_SIZE, width).size()) * LINE + 6;
    }

    private static void drawPage(
            PDPageContentStream out,
            PDType0Font font,
            PDFont latin,
            CertificateLayout layout,
            List<Object> items,
            int pageNumber,
            int pageCount)
            throws IOException {
        float width = PDRectangle.A4.getWidth();
        float valueWidth = width - 2 * MARGIN - LABEL_WIDTH - 10;
        // Stamp line: document number and id (filled per document).
        text(out, latin, 7.5f, MARGIN, 812, PLACEHOLDER);
        text(out, latin, 8, width - MARGIN - 40, 812, pageNumber + " / " + pageCount);
        float titleSize = 20;
        float titleWidth = font.getStringWidth(layout.title()) / 1000 * titleSize;
        text(out, font, titleSize, (width - titleWidth) / 2, 770, layout.title());
        out.setLineWidth(0.8f);
        out.moveTo((width - titleWidth) / 2 - 10, 764);
        out.lineTo((width + titleWidth) / 2 + 10, 764);
        out.stroke();

        float y = TOP;
        out.setLineWidth(0.6f);
        for (Object item : items) {
            if (item instanceof String heading) {
                text(out, font, 11, MARGIN, y - LINE + 2, heading);
                y -= LINE + 6;
            } else if (item instanceof Row row) {
                List<String> lines = wrap(row.value(), font, BODY_SIZE, valueWidth);
                float h = Math.max(1, lines.size()) * LINE + 6;
                out.addRect(MARGIN, y - h, LABEL_WIDTH, h);
                out.addRect(MARGIN + LABEL_WIDTH, y - h, width - 2 * MARGIN - LABEL_WIDTH, h);
                out.stroke();
                text(out, font, BODY_SIZE, MARGIN + 6, y - LINE + 1, row.label());
                float ly = y - LINE + 1;
                for (String line : lines) {
                    text(out, font, BODY_SIZE, MARGIN + LABEL_WIDTH + 6, ly, line);
                    ly -= LINE;
                }
                y -= h;
            } else {
                y -= 8;
            }
        }
        if (pageNumber == pageCount) {
            drawCertification(out, font, layout, width);
        } else {
            text(out, font, 9, MARGIN, 80, "（次頁に続く）");
        }
    }

    private static void drawCertification(
            PDPageContentStream out, PDType0Font font, CertificateLayout layout, float width) throws IOException {
        float y = 185;
        for (String line : wrap(layout.certification(), font, 11, width - 2 * MARGIN)) {
            text(out, font, 11, MARGIN, y, line);
            y -= 16;
        }
        text(out, font, 11, MARGIN, 140, layout.dateLine());
        float issuerWidth = font.getStringWidth(layout.issuerLine()) / 1000 * 13;
        float issuerX = width - MARGIN - 90 - issuerWidth;
        text(out, font, 13, issuerX, 105, layout.issuerLine());
        drawSeal(out, font, layout.sealText(), width - MARGIN - 78, 72, 70);
        if (layout.sealImpression() != null) {
            drawImpression(out, font, layout.sealImpression(), width - MARGIN - 120, 560);
        }
    }

    /** The municipal seal (公印): a red double square with its text in columns, read right to left. */
    private static void drawSeal(
            PDPageContentStream out, PDType0Font font, String sealText, float x, float y, float size)
            throws IOException {
        out.saveGraphicsState();
        out.setStrokingColor(0.80f, 0.10f, 0.10f);
        out.setNonStrokingColor(0.80f, 0.10f, 0.10f);
        out.setLineWidth(2.2f);
        out.addRect(x, y, size, size);
        out.stroke();
        out.setLineWidth(0.8f);
        out.addRect(x + 4, y + 4, size - 8, size - 8);
        out.stroke();
        int[] cps = sealText.codePoints().toArray();
        int columns = (cps.length + 2) / 3;
        float cell = (size - 12) / Math.max(3, columns);
        float glyph = Math.min(cell, (size - 12) / 3) * 0.92f;
        for (int i = 0; i < cps.length; i++) {
            int column = i / 3;
            int rowIndex = i % 3;
            float cx = x + size - 6 - (column + 1) * ((size - 12) / columns) + ((size - 12) / columns - glyph) / 2;
            float cy = y + size - 6 - (rowIndex + 1) * ((size - 12) / 3) + 2;
            text(out, font, glyph, cx, cy, new String(cps, i, 1));
        }
        out.restoreGraphicsState();
    }

    /** The registered seal impression (印影) of a seal certificate: a red circle with the surname. */
    private static void drawImpression(PDPageContentStream out, PDType0Font font, String name, float x, float y)
            throws IOException {
        out.saveGraphicsState();
        out.setStrokingColor(0.80f, 0.10f, 0.10f);
        out.setNonStrokingColor(0.80f, 0.10f, 0.10f);
        float r = 28;
        float k = 0.552f * r;
        float cx = x + r;
        float cy = y + r;
        out.setLineWidth(2f);
        out.moveTo(cx + r, cy);
        out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        out.stroke();
        int[] cps = name.codePoints().toArray();
        float glyph = Math.min(20, 40f / Math.max(1, cps.length));
        for (int i = 0; i < cps.length; i++) {
            text(
                    out,
                    font,
                    glyph,
                    cx - glyph / 2,
                    cy + (cps.length * glyph) / 2 - (i + 1) * glyph + 3,
                    new String(cps, i, 1));
        }
        out.restoreGraphicsState();
    }

    private static void text(PDPageContentStream out, PDFont font, float size, float x, float y, String s)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(s);
        out.endText();
    }

    /** Breaks {@code text} into lines no wider than {@code width} (character by character: Japanese has no spaces). */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            lines.add("");
            return lines;
        }
        StringBuilder line = new StringBuilder();
        float used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            float w = font.getStringWidth(ch) / 1000 * size;
            if (used + w > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(ch);
            used += w;
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }

    private static int[] find(byte[] haystack, byte[] needle) {
        List<Integer> found = new ArrayList<>();
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            found.add(i);
            i += needle.length - 1;
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
