package jp.madoguchi.kiosk.clerk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.printer.ipp.PrinterState;

/**
 * The clerk's device screen as one value: each device's health and levels, the software version
 * and what the configuration selected. Its fields are enums, counts, device names and codes; it
 * has no field that could hold a resident's data.
 */
public record DeviceDashboard(
        Instant takenAt,
        CardReaderPanel cardReader,
        CenterLinkPanel centerLink,
        CertificatePrinterPanel certificatePrinter,
        ReceiptPrinterPanel receiptPrinter,
        PaymentPanel payment,
        String softwareVersion,
        ConfigurationSummary configuration) {

    /** How a device is doing. */
    public enum Health {
        OK,
        /** Works, but needs attention soon (paper or toner low, slow link). */
        WARNING,
        /** Stops issuance until a clerk acts. */
        FAULT
    }

    /** A consumable's level as far as the device tells. */
    public enum Level {
        OK,
        LOW,
        EMPTY,
        UNKNOWN
    }

    /**
     * The card reader(s).
     *
     * @param readers PC/SC reader names (hardware names)
     * @param cardPresent a card sits in a reader now (left behind, or a resident is using it)
     */
    public record CardReaderPanel(Health health, List<String> readers, boolean cardPresent, Optional<Code> error) {
        public CardReaderPanel {
            readers = List.copyOf(readers);
        }
    }

    /** The link to the issuance center: one challenge request's round trip. */
    public record CenterLinkPanel(Health health, long latencyMillis, Optional<Code> error) {}

    /** The A4 certificate printer (IPP). */
    public record CertificatePrinterPanel(
            Health health,
            PrinterState state,
            Level paper,
            Level toner,
            List<String> conditions,
            Optional<Code> error) {
        public CertificatePrinterPanel {
            conditions = List.copyOf(conditions);
        }
    }

    /** The receipt and ticket printer (ESC/POS). */
    public record ReceiptPrinterPanel(
            Health health, boolean online, Level paper, boolean coverOpen, Optional<Code> error) {}

    /** One change hopper. {@code coins} is -1 when the hopper cannot count. */
    public record CoinLevel(Yen denomination, int coins, Level level) {}

    /**
     * The payment device.
     *
     * @param device SIMULATED, GPIO or COUNTER
     * @param hoppers change hoppers, largest coin first
     * @param coinBoxExpected what the coin box should hold since its last collection
     */
    public record PaymentPanel(Health health, String device, List<CoinLevel> hoppers, Yen coinBoxExpected) {
        public PaymentPanel {
            hoppers = List.copyOf(hoppers);
        }
    }

    /** The worst health on the screen. */
    public Health overall() {
        List<Health> all = List.of(
                cardReader.health(),
                centerLink.health(),
                certificatePrinter.health(),
                receiptPrinter.health(),
                payment.health());
        return all.contains(Health.FAULT) ? Health.FAULT : all.contains(Health.WARNING) ? Health.WARNING : Health.OK;
    }
}
