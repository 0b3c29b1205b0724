package jp.madoguchi.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import jp.madoguchi.fonts.KioskTypeface;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Synthetic certificates for tests and the demo: 住民票の写し-like pages of a fictitious household
 * (窓口 太郎 and family, 東京都千代田区), drawn with the shipped font. The bottom right 40 mm square is
 * left free for the seal, as the issuer's layout must.
 */
public final class SampleCertificate {
    /** Name printed on the first page; tests look for it in the printed PDF. */
    public static final String HOUSEHOLDER = "窓口　太郎";

    public static final String ADDRESS = "東京都千代田区霞が関一丁目２番３号";

    private static final List<String[]> MEMBERS = List.of(
            new String[] {"窓口　太郎", "昭和60年4月1日", "男", "世帯主"},
            new String[] {"窓口　花子", "昭和62年8月15日", "女", "妻"},
            new String[] {"窓口　次郎", "平成27年12月3日", "男", "子"});

    private SampleCertificate() {}

    /** A one-page residence record. */
    public static byte[] onePage() {
        return pages(1);
    }

    /** A residence record of {@code count} pages (1 to 3), one household member per page. */
    public static byte[] pages(int count) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = PDType0Font.load(document, KioskTypeface.REGULAR.open(), true);
            PDType0Font bold = PDType0Font.load(document, KioskTypeface.BOLD.open(), true);
            for (int i = 0; i < count; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                    drawPage(s, regular, bold, MEMBERS.get(i % MEMBERS.size()), i + 1, count);
                }
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("住民票の写し (sample)");
            document.setDocumentInformation(info);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawPage(
            PDPageContentStream s, PDType0Font regular, PDType0Font bold, String[] member, int page, int pages)
            throws IOException {
        float mm = 72f / 25.4f;
        float left = 25 * mm;
        float top = 297 * mm - 30 * mm;
        text(s, bold, 22, 80 * mm, top, "住民票の写し");
        text(s, regular, 9, 160 * mm, top + 12 * mm, page + " / " + pages);

        String[][] rows = {
            {"住所", ADDRESS},
            {"世帯主", MEMBERS.get(0)[0]},
            {"氏名", member[0]},
            {"生年月日", member[1]},
            {"性別", member[2]},
            {"続柄", member[3]},
            {"住民となった日", "令和2年4月1日"},
            {"住所を定めた日", "令和2年3月28日　転入"},
            {"本籍・筆頭者", "（省略）"},
        };
        float y = top - 20 * mm;
        s.setLineWidth(0.6f);
        for (String[] row : rows) {
            s.addRect(left, y - 4 * mm, 160 * mm, 12 * mm);
            s.stroke();
            text(s, regular, 10, left + 3 * mm, y, row[0]);
            text(s, regular, 12, left + 45 * mm, y, row[1]);
            y -= 12 * mm;
        }
        y -= 12 * mm;
        text(s, regular, 11, left, y, "この写しは、住民票の原本と相違ないことを証明する。");
        y -= 10 * mm;
        text(s, regular, 11, left, y, "令和7年11月23日");
        y -= 14 * mm;
        text(s, bold, 14, left + 30 * mm, y, "東京都千代田区長　　窓口　一郎");
        // The municipal seal (公印): a red square with its legend, as issuers print it.
        float sealX = left + 120 * mm;
        float sealY = y - 8 * mm;
        s.setStrokingColor(0.8f, 0.1f, 0.1f);
        s.setNonStrokingColor(0.8f, 0.1f, 0.1f);
        s.setLineWidth(1.5f);
        s.addRect(sealX, sealY, 22 * mm, 22 * mm);
        s.stroke();
        text(s, bold, 13, sealX + 3 * mm, sealY + 12 * mm, "千代田");
        text(s, bold, 13, sealX + 3 * mm, sealY + 4 * mm, "区長印");
        s.setNonStrokingColor(0f, 0f, 0f);
        s.setStrokingColor(0f, 0f, 0f);
        text(s, regular, 8, left, 20 * mm, "証明書番号 SAMPLE-0001　この証明書はテスト用の架空のデータです。");
    }

    private static void text(PDPageContentStream s, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }
}
