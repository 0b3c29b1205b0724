package jp.madoguchi.kiosk.settlement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.fonts.KioskTypeface;
import jp.madoguchi.kiosk.money.Yen;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A municipality's monthly statement as a PDF in the shape of a 証明書コンビニ交付手数料請求内訳書:
 * per certificate type the copies issued, the fees collected, the operator's commission and the
 * amount due to the municipality, with a total line. Set in the shipped BIZ UDGothic (module
 * {@code fonts}), embedded as a subset so the file prints the same anywhere.
 */
public final class StatementPdf {
    private static final float MM = 72f / 25.4f;
    private static final String[] HEADINGS = {"証明書の種類", "交付通数", "手数料", "事業者手数料", "市区町村納付額"};
    private static final float[] COLUMN_RIGHT_EDGES = {0, 105, 135, 165, 190};

    private StatementPdf() {}

    /**
     * Renders {@code statement}.
     *
     * @param kioskId the terminal the figures come from
     * @param createdOn the date printed as 作成日
     */
    public static byte[] render(MunicipalStatement statement, String kioskId, LocalDate createdOn) {
        try (PDDocument document = new PDDocument();
                InputStream regularFile = KioskTypeface.REGULAR.open();
                InputStream boldFile = KioskTypeface.BOLD.open()) {
            PDType0Font regular = PDType0Font.load(document, regularFile);
            PDType0Font bold = PDType0Font.load(document, boldFile);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("証明書コンビニ交付手数料請求内訳書 " + statement.municipalityCode() + " " + statement.month());
            info.setCreator("Madoguchi kiosk " + kioskId);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float top = PDRectangle.A4.getHeight() - 25 * MM;
            try (PDPageContentStream c = new PDPageContentStream(document, page)) {
                text(c, bold, 16, 20 * MM, top, "証明書コンビニ交付手数料請求内訳書");
                text(
                        c,
                        regular,
                        10,
                        20 * MM,
                        top - 12 * MM,
                        "対象年月: " + statement.month().getYear() + "年"
                                + statement.month().getMonthValue() + "月");
                text(c, regular, 10, 20 * MM, top - 18 * MM, "市区町村コード: " + statement.municipalityCode());
                text(c, regular, 10, 20 * MM, top - 24 * MM, "交付端末: " + kioskId);
                text(c, regular, 10, 130 * MM, top - 12 * MM, "作成日: " + createdOn);

                float y = top - 38 * MM;
                List<String[]> rows = new ArrayList<>();
                for (FeeLine line : statement.fees().lines()) {
                    rows.add(new String[] {
                        CertificateTitles.of(line.type()),
                        line.copies() + "通",
                        yen(line.fees()),
                        yen(line.operatorShare()),
                        yen(line.municipalityShare())
                    });
                }
                row(c, bold, y, HEADINGS);
                rule(c, y - 2 * MM);
                y -= 8 * MM;
                if (rows.isEmpty()) {
                    text(c, regular, 10, 20 * MM, y, "この月の交付はありません。");
                    y -= 7 * MM;
                }
                for (String[] row : rows) {
                    row(c, regular, y, row);
                    y -= 7 * MM;
                }
                rule(c, y + 5 * MM);
                row(c, bold, y, new String[] {
                    "合計",
                    statement.fees().copies() + "通",
                    yen(statement.fees().fees()),
                    yen(statement.fees().operatorShare()),
                    yen(statement.fees().municipalityShare())
                });
                y -= 14 * MM;
                text(c, regular, 9, 20 * MM, y, "事業者手数料: コンビニ事業者及び地方公共団体情報システム機構の取り分 (1通ごと)。");
                text(c, regular, 9, 20 * MM, y - 5 * MM, "市区町村納付額 = 手数料 − 事業者手数料。金額は円。");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the statement PDF", e);
        }
    }

    private static void row(PDPageContentStream c, PDType0Font font, float y, String[] cells) throws IOException {
        text(c, font, 10, 20 * MM, y, cells[0]);
        for (int i = 1; i < cells.length; i++) {
            float width = font.getStringWidth(cells[i]) / 1000f * 10;
            text(c, font, 10, COLUMN_RIGHT_EDGES[i] * MM - width, y, cells[i]);
        }
    }

    private static void rule(PDPageContentStream c, float y) throws IOException {
        c.setLineWidth(0.5f);
        c.moveTo(20 * MM, y);
        c.lineTo(190 * MM, y);
        c.stroke();
    }

    private static void text(PDPageContentStream c, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        c.beginText();
        c.setFont(font, size);
        c.newLineAtOffset(x, y);
        c.showText(text);
        c.endText();
    }

    private static String yen(Yen amount) {
        return String.format("%,d円", amount.amount());
    }
}
