package jp.madoguchi.kiosk.printing;

import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.receipt.Receipt;
import jp.madoguchi.printer.receipt.ReceiptPrinter;
import jp.madoguchi.printer.receipt.ReceiptPrinterStatus;

/**
 * A receipt printer in memory: keeps the receipts it printed (receipts carry ids and amounts
 * only) and can run out of paper.
 */
public final class SimulatedReceiptPrinter implements ReceiptPrinter {
    private final List<Receipt> printed = new ArrayList<>();
    private boolean paperEnd;

    @Override
    public synchronized ReceiptPrinterStatus status() {
        return new ReceiptPrinterStatus(true, false, false, paperEnd, false);
    }

    @Override
    public synchronized ReceiptPrinterStatus print(Receipt receipt) {
        if (paperEnd) {
            throw new PrinterException(ErrorCode.RECEIPT_PAPER_OUT, "simulated receipt printer");
        }
        printed.add(receipt);
        return status();
    }

    /** Runs the roll out (true) or loads a new one (false). */
    public synchronized void paperEnd(boolean end) {
        this.paperEnd = end;
    }

    /** Everything printed, oldest first. */
    public synchronized List<Receipt> printed() {
        return List.copyOf(printed);
    }
}
