package jp.madoguchi.kiosk.hwcheck;

import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.receipt.ReceiptPrinter;
import jp.madoguchi.printer.receipt.ReceiptPrinterStatus;

/**
 * The receipt printer's real-time status (ESC/POS DLE EOT over TCP or the device file): online,
 * cover closed, paper in. Paper near its end passes with a note for the clerk.
 */
public final class ReceiptPrinterCheck implements HardwareCheck {
    static final String DEVICE = "receipt printer";

    private final ReceiptPrinter printer;
    private final String where;

    /**
     * @param printer the ESC/POS (or JavaPOS) printer
     * @param where its address, for the table
     */
    public ReceiptPrinterCheck(ReceiptPrinter printer, String where) {
        this.printer = printer;
        this.where = where;
    }

    @Override
    public String device() {
        return DEVICE;
    }

    @Override
    public CheckResult run() {
        ReceiptPrinterStatus status;
        try {
            status = printer.status();
        } catch (PrinterException e) {
            return CheckResult.fail(DEVICE, where + ": " + e.getMessage());
        }
        String answer = where + ": " + (status.online() ? "online" : "offline")
                + (status.coverOpen() ? ", cover open" : ", cover closed")
                + (status.paperEnd() ? ", paper out" : status.paperNearEnd() ? ", paper near end" : ", paper ok")
                + (status.error() ? ", error" : "");
        return status.blockingProblem()
                .map(code -> CheckResult.fail(DEVICE, answer + "; " + code.advice()))
                .orElseGet(() -> CheckResult.pass(DEVICE, answer));
    }
}
