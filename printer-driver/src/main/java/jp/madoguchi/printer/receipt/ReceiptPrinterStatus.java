package jp.madoguchi.printer.receipt;

import java.util.Optional;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * The receipt printer's state as its real-time status answers it (ESC/POS DLE EOT 1, 2, 3, 4; or
 * the JavaPOS properties).
 *
 * @param online the printer reports itself online
 * @param coverOpen the cover is open
 * @param paperNearEnd the roll is nearly used up (warn the clerk; still prints)
 * @param paperEnd no paper
 * @param error an error stopped the printer (cutter, head, ...)
 */
public record ReceiptPrinterStatus(
        boolean online, boolean coverOpen, boolean paperNearEnd, boolean paperEnd, boolean error) {

    /** What stops a receipt from printing, as the error to report; empty when it can print. */
    public Optional<ErrorCode> blockingProblem() {
        if (paperEnd) {
            return Optional.of(ErrorCode.RECEIPT_PAPER_OUT);
        }
        if (coverOpen) {
            return Optional.of(ErrorCode.RECEIPT_COVER_OPEN);
        }
        if (!online || error) {
            return Optional.of(ErrorCode.RECEIPT_PRINTER_OFFLINE);
        }
        return Optional.empty();
    }
}
