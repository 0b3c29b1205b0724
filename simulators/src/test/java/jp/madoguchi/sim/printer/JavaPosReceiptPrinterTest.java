package jp.madoguchi.sim.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.receipt.CounterTicket;
import jp.madoguchi.printer.receipt.JavaPosReceiptPrinter;
import jpos.POSPrinter;
import jpos.config.simple.SimpleEntry;
import jpos.loader.JposServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's JavaPOS adapter through the real UnifiedPOS control ({@code jpos.POSPrinter}) and
 * service loader, with a service that drives the emulated printer, as a vendor's driver would.
 */
class JavaPosReceiptPrinterTest {
    EscPosPrinterEmulator printer;
    String logicalName;

    @BeforeEach
    void register() {
        printer = EscPosPrinterEmulator.start(0, null);
        logicalName = "MadoguchiEmulatedPrinter" + printer.port();
        SimpleEntry entry = new SimpleEntry(logicalName, null);
        entry.addProperty("logicalName", logicalName);
        entry.addProperty("serviceInstanceFactoryClass", EscPosJavaPosService.Factory.class.getName());
        entry.addProperty("serviceClass", EscPosJavaPosService.class.getName());
        entry.addProperty("deviceCategory", "POSPrinter");
        entry.addProperty("jposVersion", "1.15");
        entry.addProperty("vendorName", "Madoguchi test");
        entry.addProperty("port", Integer.toString(printer.port()));
        JposServiceLoader.getManager().getEntryRegistry().addJposEntry(logicalName, entry);
    }

    @AfterEach
    void stop() {
        JposServiceLoader.getManager().getEntryRegistry().removeJposEntry(logicalName);
        printer.close();
    }

    @Test
    void counterTicketPrintsThroughTheVendorDriverInterface() {
        try (JavaPosReceiptPrinter kiosk = JavaPosReceiptPrinter.open(new POSPrinter(), logicalName, 1000)) {
            assertThat(kiosk.status().blockingProblem()).isEmpty();

            kiosk.print(new CounterTicket(
                    "B-101", EscPosPrinterEmulatorTest.NOON, "戸籍係", "MGTICKET:B-101", List.of("お待ちください。")));

            await().atMost(Duration.ofSeconds(5)).until(() -> printer.receipts().size() == 1);
            EmulatedReceipt ticket = printer.receipts().get(0);
            assertThat(ticket.cut()).isTrue();
            assertThat(ticket.text()).contains("受付票").contains("B-101").contains("戸籍係");
            assertThat(ticket.qrCodes()).containsExactly("MGTICKET:B-101");
        }
    }

    @Test
    void printerOutOfPaperIsReportedBeforeAnythingIsSent() {
        printer.paperOut();
        try (JavaPosReceiptPrinter kiosk = JavaPosReceiptPrinter.open(new POSPrinter(), logicalName, 1000)) {
            assertThatThrownBy(() -> kiosk.print(new CounterTicket(
                            "B-102", EscPosPrinterEmulatorTest.NOON, "戸籍係", "MGTICKET:B-102", List.of())))
                    .isInstanceOfSatisfying(
                            PrinterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RECEIPT_PAPER_OUT));
        }
        printer.paperIn();
        assertThat(printer.receipts()).isEmpty();
    }

    @Test
    void unknownLogicalNameIsAJavaPosError() {
        assertThatThrownBy(() -> JavaPosReceiptPrinter.open(new POSPrinter(), "NoSuchPrinter", 100))
                .isInstanceOfSatisfying(
                        PrinterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.JAVAPOS_ERROR));
    }
}
