package jp.madoguchi.sim.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.receipt.ClerkReport;
import jp.madoguchi.printer.receipt.CounterTicket;
import jp.madoguchi.printer.receipt.EscPosLink;
import jp.madoguchi.printer.receipt.EscPosReceiptPrinter;
import jp.madoguchi.printer.receipt.ReceiptPrinterStatus;
import jp.madoguchi.printer.receipt.RefundVoucher;
import jp.madoguchi.printer.receipt.TransactionReceipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's ESC/POS receipt driver against the emulated receipt printer. */
class EscPosPrinterEmulatorTest {
    static final LocalDateTime NOON = LocalDateTime.of(2025, 11, 23, 12, 0);
    static final TransactionReceipt RECEIPT = new TransactionReceipt(
            "窓口マート 千代田店",
            "T-20251123-0042",
            NOON,
            List.of(new TransactionReceipt.Item("住民票の写し", 2, 200), new TransactionReceipt.Item("印鑑登録証明書", 1, 300)),
            1000);

    @TempDir
    Path out;

    EscPosPrinterEmulator printer;
    EscPosReceiptPrinter kiosk;

    @BeforeEach
    void start() {
        printer = EscPosPrinterEmulator.start(0, out);
        kiosk = new EscPosReceiptPrinter(
                EscPosLink.tcp("127.0.0.1", printer.port(), Duration.ofSeconds(2)), Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        printer.close();
    }

    @Test
    void transactionReceiptPrintsInJapaneseWithTotalsAndIsCut() throws IOException {
        ReceiptPrinterStatus after = kiosk.print(RECEIPT);

        assertThat(after.blockingProblem()).isEmpty();
        EmulatedReceipt receipt = awaitReceipt(1);
        assertThat(receipt.cut()).isTrue();
        assertThat(receipt.text())
                .contains("領収書")
                .contains("T-20251123-0042")
                .contains("住民票の写し")
                .contains("2通 × 200円")
                .contains("400円")
                .containsPattern("合計 +700円")
                .containsPattern("お預かり +1,000円")
                .containsPattern("お釣り +300円");
        assertThat(receipt.image().getWidth()).isEqualTo(576);
        assertThat(darkPixels(receipt.image())).isGreaterThan(2000);
        assertThat(receipt.png()).hasValueSatisfying(p -> assertThat(p).exists());
        assertThat(Files.readString(receipt.textFile().orElseThrow())).isEqualTo(receipt.text());
    }

    @Test
    void counterTicketCarriesItsNumberAndAQrCodeThatScans() throws Exception {
        kiosk.print(new CounterTicket("A-023", NOON, "市民課 2番窓口", "MGTICKET:A-023:ORDER-9", List.of("本人確認書類をご用意ください。")));

        EmulatedReceipt ticket = awaitReceipt(1);
        assertThat(ticket.text()).contains("受付票").contains("A-023").contains("市民課 2番窓口");
        assertThat(ticket.qrCodes()).containsExactly("MGTICKET:A-023:ORDER-9");
        assertThat(scanQr(ticket.image())).isEqualTo("MGTICKET:A-023:ORDER-9");
    }

    @Test
    void refundVoucherAndClerkReportPrintAsSlipsOfTheirOwn() throws Exception {
        RefundVoucher voucher = new RefundVoucher("R-0007", "T-20251123-0042", NOON, 300, "印刷できなかったため");
        kiosk.print(voucher);
        kiosk.print(new ClerkReport(
                "日計表",
                "KIOSK-01",
                NOON,
                List.of(new ClerkReport.Section(
                        "交付", List.of(new ClerkReport.Row("住民票の写し", "12通"), new ClerkReport.Row("手数料", "2,400円"))))));

        EmulatedReceipt first = awaitReceipt(1);
        EmulatedReceipt second = awaitReceipt(2);
        assertThat(first.text()).contains("返金票").containsPattern("返金額 +300円");
        assertThat(scanQr(first.image())).isEqualTo(voucher.qrText());
        assertThat(second.text()).contains("日計表").contains("KIOSK-01").containsPattern("住民票の写し +12通");
    }

    @Test
    void printerWithoutPaperGetsNoReceiptUntilPaperIsLoaded() {
        printer.paperOut();

        assertThatThrownBy(() -> kiosk.print(RECEIPT))
                .isInstanceOfSatisfying(
                        PrinterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RECEIPT_PAPER_OUT));
        assertThat(kiosk.status().paperEnd()).isTrue();
        assertThat(printer.receipts()).isEmpty();

        printer.paperIn();
        kiosk.print(RECEIPT);
        assertThat(awaitReceipt(1).cut()).isTrue();
    }

    @Test
    void openCoverIsReportedAndNothingPrints() {
        printer.openCover();

        assertThatThrownBy(() -> kiosk.print(RECEIPT))
                .isInstanceOfSatisfying(
                        PrinterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RECEIPT_COVER_OPEN));
        assertThat(kiosk.status().coverOpen()).isTrue();
        printer.closeCover();
        assertThat(printer.receipts()).isEmpty();
    }

    @Test
    void paperEndingMidReceiptIsReportedAndTheRestNeverComesOutLater() {
        printer.paperEndsAfterLines(5);

        assertThatThrownBy(() -> kiosk.print(RECEIPT))
                .isInstanceOfSatisfying(
                        PrinterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RECEIPT_INCOMPLETE));
        EmulatedReceipt stub = awaitReceipt(1);
        assertThat(stub.cut()).isFalse();
        assertThat(stub.text()).doesNotContain("お釣り");

        printer.paperIn();
        assertThat(printer.receipts()).hasSize(1);
        assertThat(kiosk.status().blockingProblem()).isEmpty();
    }

    @Test
    void paperNearEndStillPrintsAndTellsTheClerk() {
        printer.paperNearEnd(true);

        ReceiptPrinterStatus after = kiosk.print(RECEIPT);

        assertThat(after.paperNearEnd()).isTrue();
        assertThat(awaitReceipt(1).cut()).isTrue();
    }

    @Test
    void printerThatDoesNotAnswerStatusIsUnreachableWithinTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            EscPosReceiptPrinter toSilent = new EscPosReceiptPrinter(
                    EscPosLink.tcp("127.0.0.1", silent.getLocalPort(), Duration.ofSeconds(1)), Duration.ofMillis(300));

            long start = System.nanoTime();
            assertThatThrownBy(() -> toSilent.print(RECEIPT))
                    .isInstanceOfSatisfying(PrinterException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.RECEIPT_PRINTER_UNREACHABLE));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        EscPosReceiptPrinter toNobody = new EscPosReceiptPrinter(
                EscPosLink.tcp("127.0.0.1", printer.port() == 1 ? 2 : 1, Duration.ofSeconds(1)),
                Duration.ofMillis(300));
        assertThatThrownBy(toNobody::status).isInstanceOfSatisfying(PrinterException.class, e -> assertThat(e.code())
                .isEqualTo(ErrorCode.RECEIPT_PRINTER_UNREACHABLE));
    }

    @Test
    void devicePathLinkPrintsThroughNamedPipes() throws Exception {
        Path toPrinter = out.resolve("to-printer");
        Path fromPrinter = out.resolve("from-printer");
        for (Path fifo : List.of(toPrinter, fromPrinter)) {
            assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                    .isZero();
        }
        printer.attachPipes(toPrinter, fromPrinter);
        EscPosReceiptPrinter overDevice = new EscPosReceiptPrinter(
                EscPosLink.device(toPrinter, fromPrinter, Duration.ofSeconds(2)), Duration.ofSeconds(1));

        overDevice.print(RECEIPT);

        assertThat(awaitReceipt(1).text()).contains("領収書");
    }

    private EmulatedReceipt awaitReceipt(int number) {
        await().atMost(Duration.ofSeconds(5)).until(() -> printer.receipts().size() >= number);
        return printer.receipts().get(number - 1);
    }

    static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    static String scanQr(BufferedImage image) throws Exception {
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
