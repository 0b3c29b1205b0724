package jp.madoguchi.kiosk.clerk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import jp.madoguchi.fonts.KioskTypeface;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The certificate printer's test page: one A4 sheet with a frame 10 mm inside the edge (to check
 * alignment), a grey scale (to check toner) and the kiosk id and time. No certificate content,
 * so it can never be mistaken for one: it says テスト印刷 in large letters.
 */
final class TestPage {
    private static final float MM = 72f / 25.4f;

    private TestPage() {}

    static byte[] render(String kioskId, LocalDateTime at) {
        try (PDDocument document = new PDDocument();
                InputStream font = KioskTypeface.REGULAR.open()) {
            PDType0Font face = PDType0Font.load(document, font);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float w = PDRectangle.A4.getWidth();
            float h = PDRectangle.A4.getHeight();
            try (PDPageContentStream c = new PDPageContentStream(document, page)) {
                c.setLineWidth(0.5f);
                c.addRect(10 * MM, 10 * MM, w - 20 * MM, h - 20 * MM);
                c.stroke();
                text(c, face, 36, 30 * MM, h - 50 * MM, "テスト印刷");
                text(c, face, 18, 30 * MM, h - 62 * MM, "Test print — not a certificate");
                text(c, face, 12, 30 * MM, h - 80 * MM, "端末 Kiosk: " + kioskId);
                text(
                        c,
                        face,
                        12,
                        30 * MM,
                        h - 88 * MM,
                        "日時 Time: " + at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
                text(c, face, 12, 30 * MM, h - 96 * MM, "枠が用紙の端から10mmの位置に見えること / The frame sits 10 mm inside the edge");
                for (int step = 0; step <= 10; step++) {
                    float grey = 1f - step / 10f;
                    c.setNonStrokingColor(grey, grey, grey);
                    c.addRect(30 * MM + step * 14 * MM, h - 130 * MM, 12 * MM, 20 * MM);
                    c.fill();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the test page", e);
        }
    }

    private static void text(PDPageContentStream c, PDType0Font face, float size, float x, float y, String text)
            throws IOException {
        c.beginText();
        c.setFont(face, size);
        c.newLineAtOffset(x, y);
        c.showText(text);
        c.endText();
    }
}
