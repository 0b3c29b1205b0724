package jp.madoguchi.printer.receipt.internal;

import java.nio.charset.Charset;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.madoguchi.printer.receipt.ClerkReport;
import jp.madoguchi.printer.receipt.CounterTicket;
import jp.madoguchi.printer.receipt.Receipt;
import jp.madoguchi.printer.receipt.RefundVoucher;
import jp.madoguchi.printer.receipt.TransactionReceipt;
import jp.madoguchi.printer.receipt.internal.Block.Align;
import jp.madoguchi.printer.receipt.internal.Block.Text;

/**
 * Lays out receipts for 80 mm paper: 48 half-width columns (font A), a full-width (kanji)
 * character taking two. The same layout goes to ESC/POS and to JavaPOS.
 */
public final class ReceiptLayout {
    /** Half-width columns on 80 mm paper with font A. */
    public static final int COLUMNS = 48;

    /** Shift_JIS as Windows and Japanese receipt printers use it. */
    public static final Charset SHIFT_JIS = Charset.forName("MS932");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.JAPAN);

    private ReceiptLayout() {}

    /** The blocks of a receipt. */
    public static List<Block> of(Receipt receipt) {
        if (receipt instanceof TransactionReceipt r) {
            return transaction(r);
        } else if (receipt instanceof RefundVoucher r) {
            return refund(r);
        } else if (receipt instanceof CounterTicket r) {
            return ticket(r);
        } else if (receipt instanceof ClerkReport r) {
            return report(r);
        }
        throw new IllegalArgumentException(
                "unknown receipt " + receipt.getClass().getName());
    }

    private static List<Block> transaction(TransactionReceipt r) {
        List<Block> b = new ArrayList<>();
        b.add(new Text(r.header(), Align.CENTER, true, 1));
        b.add(new Text("領収書", Align.CENTER, true, 2));
        b.add(new Block.Feed(1));
        b.add(Text.plain(pair("取引番号", r.transactionNumber())));
        b.add(Text.plain(pair("日時", WHEN.format(r.issuedAt()))));
        b.add(new Block.Rule());
        for (TransactionReceipt.Item item : r.items()) {
            b.add(Text.plain(item.name()));
            b.add(Text.plain(pair("  " + item.copies() + "通 × " + yen(item.feePerCopy()), yen(item.amount()))));
        }
        b.add(new Block.Rule());
        b.add(new Text(pair("合計", yen(r.total())), Align.LEFT, true, 1));
        b.add(Text.plain(pair("お預かり", yen(r.paid()))));
        b.add(Text.plain(pair("お釣り", yen(r.change()))));
        b.add(new Block.Rule());
        b.add(Text.plain("お問い合わせの際は取引番号をお知らせください。"));
        return b;
    }

    private static List<Block> refund(RefundVoucher r) {
        List<Block> b = new ArrayList<>();
        b.add(new Text("返金票", Align.CENTER, true, 2));
        b.add(new Block.Feed(1));
        b.add(Text.plain(pair("返金番号", r.voucherNumber())));
        b.add(Text.plain(pair("取引番号", r.transactionNumber())));
        b.add(Text.plain(pair("日時", WHEN.format(r.issuedAt()))));
        b.add(new Block.Rule());
        b.add(new Text(pair("返金額", yen(r.amount())), Align.LEFT, true, 1));
        b.add(Text.plain("理由: " + r.reason()));
        b.add(new Block.Rule());
        b.add(Text.plain("この返金票を店員にお渡しください。"));
        b.add(Text.plain("返金額をお支払いします。"));
        b.add(new Block.Qr(r.qrText(), 6));
        return b;
    }

    private static List<Block> ticket(CounterTicket r) {
        List<Block> b = new ArrayList<>();
        b.add(new Text("受付票", Align.CENTER, true, 2));
        b.add(new Text(r.counter(), Align.CENTER, false, 1));
        b.add(new Block.Feed(1));
        b.add(new Text("受付番号", Align.CENTER, false, 1));
        b.add(new Text(r.ticketNumber(), Align.CENTER, true, 2));
        b.add(new Block.Feed(1));
        b.add(new Text(WHEN.format(r.issuedAt()), Align.CENTER, false, 1));
        b.add(new Block.Rule());
        for (String note : r.notes()) {
            b.add(Text.plain(note));
        }
        b.add(new Block.Qr(r.qrText(), 6));
        b.add(new Text("番号が呼ばれましたら窓口へお越しください。", Align.CENTER, false, 1));
        return b;
    }

    private static List<Block> report(ClerkReport r) {
        List<Block> b = new ArrayList<>();
        b.add(new Text(r.title(), Align.CENTER, true, 2));
        b.add(Text.plain(pair("端末", r.kioskId())));
        b.add(Text.plain(pair("印刷日時", WHEN.format(r.printedAt()))));
        for (ClerkReport.Section section : r.sections()) {
            b.add(new Block.Rule());
            b.add(new Text(section.heading(), Align.LEFT, true, 1));
            for (ClerkReport.Row row : section.rows()) {
                b.add(Text.plain(pair(row.label(), row.value())));
            }
        }
        b.add(new Block.Rule());
        return b;
    }

    /** Label left, value right on one line of {@link #COLUMNS}; the value on its own line if both do not fit. */
    static String pair(String label, String value) {
        int gap = COLUMNS - width(label) - width(value);
        if (gap >= 1) {
            return label + " ".repeat(gap) + value;
        }
        return label + "\n" + " ".repeat(Math.max(0, COLUMNS - width(value))) + value;
    }

    /** Columns a text takes: its Shift_JIS length (full-width characters take two bytes and two columns). */
    public static int width(String text) {
        return text.getBytes(SHIFT_JIS).length;
    }

    static String yen(int amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount) + "円";
    }

    /** For messages and tests: when. */
    static String when(LocalDateTime time) {
        return WHEN.format(time);
    }
}
