package jp.madoguchi.printer.receipt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.receipt.ClerkReport;
import jp.madoguchi.printer.receipt.CounterTicket;
import jp.madoguchi.printer.receipt.Receipt;
import jp.madoguchi.printer.receipt.RefundVoucher;
import jp.madoguchi.printer.receipt.TransactionReceipt;
import jp.madoguchi.printer.receipt.TransactionReceipt.Item;
import org.junit.jupiter.api.Test;

class ReceiptLayoutTest {
    static final LocalDateTime NOON = LocalDateTime.of(2025, 11, 23, 12, 0);

    static final List<Receipt> ALL = List.of(
            new TransactionReceipt("窓口マート 千代田店", "T-1", NOON, List.of(new Item("戸籍全部事項証明書", 3, 450)), 2000),
            new RefundVoucher("R-1", "T-1", NOON, 450, "印刷できなかったため"),
            new CounterTicket("A-001", NOON, "市民課 1番窓口", "MGTICKET:A-001", List.of("本人確認書類をご用意ください。")),
            new ClerkReport(
                    "日計表",
                    "KIOSK-01",
                    NOON,
                    List.of(new ClerkReport.Section("交付", List.of(new ClerkReport.Row("戸籍全部事項証明書", "3通"))))));

    @Test
    void everyLineFitsAnEightyMillimetreRoll() {
        for (Receipt receipt : ALL) {
            for (Block block : ReceiptLayout.of(receipt)) {
                if (block instanceof Block.Text text) {
                    for (String line : text.text().split("\n")) {
                        assertThat(ReceiptLayout.width(line) * text.scale())
                                .as("%s: %s", receipt.getClass().getSimpleName(), line)
                                .isLessThanOrEqualTo(ReceiptLayout.COLUMNS);
                    }
                }
            }
        }
    }

    @Test
    void changeIsPaidMinusTotalAndUnderpaymentIsRefused() {
        TransactionReceipt receipt = (TransactionReceipt) ALL.get(0);
        assertThat(receipt.total()).isEqualTo(1350);
        assertThat(receipt.change()).isEqualTo(650);
        assertThatThrownBy(() -> new TransactionReceipt("s", "T-2", NOON, List.of(new Item("住民票の写し", 2, 300)), 500))
                .isInstanceOfSatisfying(
                        PrinterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RECEIPT_INVALID));
    }

    @Test
    void receiptBytesSelectShiftJisKanjiModeAndEndWithACut() {
        byte[] bytes = EscPosEncoder.encode(ReceiptLayout.of(ALL.get(0)));

        assertThat(Arrays.copyOfRange(bytes, 0, 7)).containsExactly(0x1b, '@', 0x1c, 'C', 1, 0x1c, '&');
        assertThat(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length)).containsExactly(0x1d, 'V', 66, 0);
        String text = new String(bytes, Charset.forName("MS932"));
        assertThat(text).contains("戸籍全部事項証明書").contains("3通 × 450円").contains("1,350円");
    }

    @Test
    void characterWithoutShiftJisCodeIsRefusedNotPrintedAsQuestionMark() {
        Receipt emoji = new TransactionReceipt("店🙂", "T-3", NOON, List.of(new Item("住民票の写し", 1, 200)), 200);

        assertThatThrownBy(() -> EscPosEncoder.encode(ReceiptLayout.of(emoji)))
                .isInstanceOfSatisfying(PrinterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RECEIPT_INVALID);
                    assertThat(e.getMessage()).contains("U+1F642");
                });
    }
}
