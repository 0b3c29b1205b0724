package jp.madoguchi.kiosk.clerk;

import java.util.Optional;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.printer.PrinterException;

/**
 * The clerk loaded paper: recorded, and the printer asked whether it now reports paper. A jam or an
 * open cover still blocks the printer afterwards; the answer says so.
 */
public final class PaperReplenishment {
    /** The printer's answer after loading: ready, or the code of what still blocks it. */
    public record Result(PrinterKind printer, boolean ready, Optional<Code> stillBlocking) {}

    private final ClerkDevices devices;
    private final ClerkJournal records;

    public PaperReplenishment(ClerkDevices devices, ClerkJournal records) {
        this.devices = devices;
        this.records = records;
    }

    /**
     * Records that {@code sheets} sheets (0 for a new receipt roll) were loaded into {@code printer}.
     *
     * @throws ClerkActionRefused when the sheet count is negative or more than a tray holds (2000)
     */
    public Result loaded(PrinterKind printer, int sheets) {
        if (sheets < 0 || sheets > 2000) {
            throw new ClerkActionRefused(
                    ClerkActionRefused.Reason.AMOUNT_TOO_LARGE, "enter the sheets loaded: 0 to 2000");
        }
        devices.paperLoaded().loaded(printer, sheets);
        records.record(
                ClerkEventKind.PAPER_REPLENISHED,
                Optional.empty(),
                Yen.ZERO,
                Yen.ZERO,
                sheets,
                Optional.of(printer.code()));
        Optional<Code> blocking;
        if (printer == PrinterKind.CERTIFICATE) {
            blocking = devices.certificatePrinter().status().blockingProblem().map(c -> Code.of(c.name()));
        } else {
            try {
                blocking = devices.receiptPrinter().status().blockingProblem().map(c -> Code.of(c.name()));
            } catch (PrinterException e) {
                blocking = Optional.of(Code.of(e.code().name()));
            }
        }
        return new Result(printer, blocking.isEmpty(), blocking);
    }
}
