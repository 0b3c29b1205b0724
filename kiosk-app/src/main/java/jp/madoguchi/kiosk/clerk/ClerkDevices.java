package jp.madoguchi.kiosk.clerk;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import jp.madoguchi.card.CardReaders;
import jp.madoguchi.center.CenterClient;
import jp.madoguchi.printer.ipp.CertificatePrinter;
import jp.madoguchi.printer.receipt.ReceiptPrinter;

/**
 * The devices clerk mode looks at and tests, handed over by the composition root.
 *
 * @param paymentDevice SIMULATED, GPIO or COUNTER
 * @param hoppers the change hoppers' levels now (empty list when there are none)
 * @param paperLoaded told when a clerk loads paper; a simulated printer refills itself, a real one
 *     does nothing ({@link PaperLoaded#NOTHING})
 * @param softwareVersion shown on the dashboard
 */
public record ClerkDevices(
        CardReaders cardReaders,
        CenterClient center,
        CertificatePrinter certificatePrinter,
        ReceiptPrinter receiptPrinter,
        String paymentDevice,
        Supplier<List<DeviceDashboard.CoinLevel>> hoppers,
        PaperLoaded paperLoaded,
        String softwareVersion) {

    /** What happens besides the record when paper is loaded. */
    public interface PaperLoaded {
        PaperLoaded NOTHING = (printer, sheets) -> {};

        void loaded(PrinterKind printer, int sheets);
    }

    public ClerkDevices {
        Objects.requireNonNull(cardReaders, "cardReaders");
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(certificatePrinter, "certificatePrinter");
        Objects.requireNonNull(receiptPrinter, "receiptPrinter");
        Objects.requireNonNull(paymentDevice, "paymentDevice");
        Objects.requireNonNull(hoppers, "hoppers");
        Objects.requireNonNull(paperLoaded, "paperLoaded");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
    }
}
