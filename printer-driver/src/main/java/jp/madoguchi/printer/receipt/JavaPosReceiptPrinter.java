package jp.madoguchi.printer.receipt;

import java.util.List;
import java.util.Objects;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.receipt.internal.Block;
import jp.madoguchi.printer.receipt.internal.ReceiptLayout;
import jpos.JposConst;
import jpos.JposException;
import jpos.POSPrinterConst;
import jpos.POSPrinterControl115;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receipt printer driven through a vendor's JavaPOS service (UnifiedPOS POSPrinter), for printers
 * whose makers ship a JavaPOS driver instead of documenting ESC/POS. Give it the standard control
 * ({@code new jpos.POSPrinter()}) and the logical device name from the vendor's {@code jpos.xml}.
 *
 * <p>Receipts are sent as one transaction (transactionPrint) so the printer prints all or nothing;
 * text uses the UnifiedPOS escape sequences (ESC|cA centre, ESC|bC bold, ESC|4C double size) and
 * QR codes {@code printBarCode(..., PTR_BCS_QRCODE, ...)}.
 */
public final class JavaPosReceiptPrinter implements ReceiptPrinter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JavaPosReceiptPrinter.class);
    private static final String ESC = "\u001b|";
    private static final int STATION = POSPrinterConst.PTR_S_RECEIPT;

    private final POSPrinterControl115 printer;

    private JavaPosReceiptPrinter(POSPrinterControl115 printer) {
        this.printer = printer;
    }

    /**
     * Opens, claims and enables the device.
     *
     * @param printer the JavaPOS control, usually {@code new jpos.POSPrinter()}
     * @param logicalName the device's name in {@code jpos.xml}
     * @param claimTimeoutMillis how long to wait for exclusive access
     */
    public static JavaPosReceiptPrinter open(POSPrinterControl115 printer, String logicalName, int claimTimeoutMillis) {
        Objects.requireNonNull(printer, "printer");
        try {
            printer.open(logicalName);
        } catch (JposException e) {
            throw failure("open " + logicalName, e);
        }
        try {
            printer.claim(claimTimeoutMillis);
            printer.setDeviceEnabled(true);
            if (!printer.getCapRecPresent()) {
                throw new PrinterException(ErrorCode.JAVAPOS_ERROR, logicalName + " has no receipt station");
            }
            return new JavaPosReceiptPrinter(printer);
        } catch (JposException e) {
            closeQuietly(printer);
            throw failure("claim and enable " + logicalName, e);
        } catch (RuntimeException e) {
            closeQuietly(printer);
            throw e;
        }
    }

    @Override
    public ReceiptPrinterStatus status() {
        try {
            boolean online = printer.getState() != JposConst.JPOS_S_CLOSED
                    && printer.getPowerState() != JposConst.JPOS_PS_OFF_OFFLINE
                    && printer.getPowerState() != JposConst.JPOS_PS_OFFLINE
                    && printer.getPowerState() != JposConst.JPOS_PS_OFF;
            return new ReceiptPrinterStatus(
                    online,
                    printer.getCoverOpen(),
                    printer.getRecNearEnd(),
                    printer.getRecEmpty(),
                    printer.getState() == JposConst.JPOS_S_ERROR);
        } catch (JposException e) {
            throw failure("read status", e);
        }
    }

    @Override
    public ReceiptPrinterStatus print(Receipt receipt) {
        ReceiptPrinterStatus before = status();
        before.blockingProblem().ifPresent(code -> {
            throw new PrinterException(code, "before printing");
        });
        List<Block> blocks = ReceiptLayout.of(receipt);
        try {
            printer.transactionPrint(STATION, POSPrinterConst.PTR_TP_TRANSACTION);
            for (Block block : blocks) {
                if (block instanceof Block.Text text) {
                    for (String line : text.text().split("\n", -1)) {
                        printer.printNormal(STATION, prefix(text) + line + ESC + "N\n");
                    }
                } else if (block instanceof Block.Rule) {
                    printer.printNormal(STATION, "-".repeat(ReceiptLayout.COLUMNS) + "\n");
                } else if (block instanceof Block.Qr qr) {
                    printer.printBarCode(
                            STATION,
                            qr.data(),
                            POSPrinterConst.PTR_BCS_QRCODE,
                            qr.moduleDots() * 25,
                            qr.moduleDots() * 25,
                            POSPrinterConst.PTR_BC_CENTER,
                            POSPrinterConst.PTR_BC_TEXT_NONE);
                } else if (block instanceof Block.Feed feed) {
                    printer.printNormal(STATION, ESC + feed.lines() + "lF");
                }
            }
            printer.cutPaper(90);
            printer.transactionPrint(STATION, POSPrinterConst.PTR_TP_NORMAL);
        } catch (JposException e) {
            throw new PrinterException(
                    ErrorCode.RECEIPT_INCOMPLETE,
                    "JavaPOS error " + e.getErrorCode() + "/" + e.getErrorCodeExtended(),
                    e);
        }
        ReceiptPrinterStatus after = status();
        LOG.info(
                "{} printed through JavaPOS{}",
                receipt.getClass().getSimpleName(),
                after.paperNearEnd() ? "; paper near end" : "");
        return after;
    }

    private static String prefix(Block.Text text) {
        StringBuilder p = new StringBuilder();
        switch (text.align()) {
            case CENTER -> p.append(ESC).append("cA");
            case RIGHT -> p.append(ESC).append("rA");
            default -> {}
        }
        if (text.bold()) {
            p.append(ESC).append("bC");
        }
        if (text.scale() >= 2) {
            p.append(ESC).append("4C");
        }
        return p.toString();
    }

    @Override
    public void close() {
        closeQuietly(printer);
    }

    private static void closeQuietly(POSPrinterControl115 printer) {
        try {
            printer.setDeviceEnabled(false);
        } catch (JposException | RuntimeException e) {
            // Not enabled or already gone.
        }
        try {
            printer.release();
        } catch (JposException | RuntimeException e) {
            // Not claimed.
        }
        try {
            printer.close();
        } catch (JposException | RuntimeException e) {
            // Not open.
        }
    }

    private static PrinterException failure(String what, JposException e) {
        return new PrinterException(
                ErrorCode.JAVAPOS_ERROR,
                what + ": JavaPOS error " + e.getErrorCode() + "/" + e.getErrorCodeExtended(),
                e);
    }
}
