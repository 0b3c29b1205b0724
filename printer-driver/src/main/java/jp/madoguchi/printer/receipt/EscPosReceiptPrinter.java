package jp.madoguchi.printer.receipt;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.receipt.internal.EscPosCommands;
import jp.madoguchi.printer.receipt.internal.EscPosEncoder;
import jp.madoguchi.printer.receipt.internal.ReceiptLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receipt printer speaking ESC/POS: Shift_JIS text in kanji mode, QR codes with GS ( k, a
 * partial cut with GS V, and the real-time status DLE EOT 1/2/3/4 read before and after each
 * receipt with a bounded wait.
 */
public final class EscPosReceiptPrinter implements ReceiptPrinter {
    private static final Logger LOG = LoggerFactory.getLogger(EscPosReceiptPrinter.class);

    private final EscPosLink link;
    private final Duration statusTimeout;

    /**
     * @param link how to reach the printer
     * @param statusTimeout the longest wait for one status byte (printers answer in milliseconds;
     *     1 second is generous)
     */
    public EscPosReceiptPrinter(EscPosLink link, Duration statusTimeout) {
        this.link = Objects.requireNonNull(link, "link");
        this.statusTimeout = Objects.requireNonNull(statusTimeout, "statusTimeout");
    }

    @Override
    public ReceiptPrinterStatus status() {
        try (EscPosLink.Connection connection = link.open()) {
            return query(connection);
        }
    }

    @Override
    public ReceiptPrinterStatus print(Receipt receipt) {
        byte[] bytes = EscPosEncoder.encode(ReceiptLayout.of(receipt));
        String kind = receipt.getClass().getSimpleName();
        try (EscPosLink.Connection connection = link.open()) {
            ReceiptPrinterStatus before = query(connection);
            Optional<ErrorCode> problem = before.blockingProblem();
            if (problem.isPresent()) {
                LOG.info("{} not printed: printer {}", kind, before);
                throw new PrinterException(problem.get(), "before printing: " + describe(before));
            }
            connection.write(bytes);
            ReceiptPrinterStatus after = query(connection);
            Optional<ErrorCode> afterProblem = after.blockingProblem();
            if (afterProblem.isPresent()) {
                // What is still in the printer's buffer must not come out later, for someone else.
                connection.write(EscPosCommands.CLEAR_BUFFERS);
                LOG.warn("{} cut short: printer {}", kind, after);
                throw new PrinterException(ErrorCode.RECEIPT_INCOMPLETE, describe(after));
            }
            LOG.info("{} printed ({} bytes){}", kind, bytes.length, after.paperNearEnd() ? "; paper near end" : "");
            return after;
        }
    }

    /** Asks DLE EOT 1 (printer), 2 (offline cause), 3 (error cause) and 4 (paper sensors). */
    private ReceiptPrinterStatus query(EscPosLink.Connection connection) {
        if (connection instanceof EscPosLink.DeviceConnection device) {
            device.drain();
        }
        int printer = ask(connection, 1);
        int offline = ask(connection, 2);
        int error = ask(connection, 3);
        int paper = ask(connection, 4);
        return new ReceiptPrinterStatus(
                (printer & 0x08) == 0,
                (offline & 0x04) != 0,
                (paper & 0x0c) == 0x0c,
                (paper & 0x60) == 0x60 || (offline & 0x20) != 0,
                (offline & 0x40) != 0 || (error & 0x68) != 0);
    }

    private int ask(EscPosLink.Connection connection, int n) {
        connection.write(EscPosCommands.statusQuery(n));
        int b = connection.read(statusTimeout);
        if (b < 0) {
            throw new PrinterException(
                    ErrorCode.RECEIPT_PRINTER_UNREACHABLE,
                    "no answer to status query DLE EOT " + n + " within " + statusTimeout);
        }
        // Every status byte has bit 1 and bit 4 set and bits 0 and 7 clear.
        if ((b & 0x93) != 0x12) {
            throw new PrinterException(
                    ErrorCode.RECEIPT_PRINTER_UNREACHABLE, String.format("status byte 0x%02X is not ESC/POS", b));
        }
        return b;
    }

    private static String describe(ReceiptPrinterStatus s) {
        return "online=" + s.online() + " coverOpen=" + s.coverOpen() + " paperEnd=" + s.paperEnd() + " nearEnd="
                + s.paperNearEnd() + " error=" + s.error();
    }
}
