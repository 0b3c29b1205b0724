package jp.madoguchi.printer.receipt;

/** The receipt and ticket printer. */
public interface ReceiptPrinter {

    /**
     * Asks the printer for its state within a bounded time.
     *
     * @throws jp.madoguchi.printer.PrinterException RECEIPT_PRINTER_UNREACHABLE when it does not answer
     */
    ReceiptPrinterStatus status();

    /**
     * Prints one receipt and cuts it. Checks the printer before (nothing is sent to a printer
     * without paper or with its cover open) and after (a receipt cut short is discarded from the
     * printer's buffer and reported).
     *
     * @return the status after printing (e.g. paper near its end: tell the clerk)
     * @throws jp.madoguchi.printer.PrinterException RECEIPT_PAPER_OUT, RECEIPT_COVER_OPEN,
     *     RECEIPT_PRINTER_OFFLINE, RECEIPT_PRINTER_UNREACHABLE (nothing printed) or
     *     RECEIPT_INCOMPLETE (printing stopped part way)
     */
    ReceiptPrinterStatus print(Receipt receipt);
}
