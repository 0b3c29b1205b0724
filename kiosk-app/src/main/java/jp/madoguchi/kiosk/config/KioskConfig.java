package jp.madoguchi.kiosk.config;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;

/**
 * The whole configuration, one small record per concern. Every value has a default so that an
 * empty file (or none: {@code ./kiosk demo}) gives an all-simulated kiosk.
 */
public record KioskConfig(
        Kiosk kiosk,
        Card card,
        Center center,
        Printers printers,
        Payment payment,
        Ledger ledger,
        Hours hours,
        Ui ui,
        Clerk clerk,
        Counter counter) {

    /** The sections before clerk mode and the counter deployment: those two take their defaults. */
    public KioskConfig(
            Kiosk kiosk,
            Card card,
            Center center,
            Printers printers,
            Payment payment,
            Ledger ledger,
            Hours hours,
            Ui ui) {
        this(kiosk, card, center, printers, payment, ledger, hours, ui, Clerk.DEFAULTS, Counter.DEFAULTS);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public KioskConfig {
        clerk = clerk == null ? Clerk.DEFAULTS : clerk;
        counter = counter == null ? Counter.DEFAULTS : counter;
    }

    /** How the kiosk is deployed (design §7, the deployments issue). */
    public enum Deployment {
        STORE,
        COUNTER,
        SELF_SERVICE
    }

    /** Whether a device is the real thing or its bundled simulator. */
    public enum Source {
        SIMULATED,
        REAL
    }

    /** Identity and where the kiosk keeps its journal. */
    public record Kiosk(String id, Deployment deployment, Path dataDir) {}

    /** The card reader: the simulated card in-process, or PC/SC (optionally one named reader). */
    public record Card(Source source, String readerName, String simulatedResident) {}

    /** The issuance center: the bundled simulator in-process, or a remote center over mutual TLS. */
    public record Center(Source source, String url, Path trustDir, int timeoutSeconds) {}

    /** The certificate printer (IPP URI when real) and the receipt printer (tcp://host:9100 or a device file). */
    public record Printers(
            Source certificateSource, String certificateUri, Source receiptSource, String receiptAddress) {}

    /** The payment device and, for GPIO, its wiring (BCM pin numbers). */
    public record Payment(PaymentDevice device, Gpio gpio) {
        public enum PaymentDevice {
            SIMULATED,
            GPIO,
            COUNTER
        }

        public record Gpio(
                int coinSignalPin,
                int coinInhibitPin,
                int coinPulseYen,
                int hopperMotorPin,
                int hopperSensorPin,
                int hopperCoinYen) {}
    }

    /** The fee ledger: the operator's part of each copy's fee. */
    public record Ledger(long operatorShareYen) {}

    /** Kiosk-wide hours (Japan time). */
    public record Hours(LocalTime opens, LocalTime closes, boolean yearEndStop) {}

    /** The screen: languages offered (first is the default), kiosk (full-screen) mode, text scale. */
    public record Ui(List<String> languages, boolean fullScreen, double textScale, boolean highContrast) {}

    /**
     * Clerk mode: PIN lockout and the maintenance key switch. The PIN's hash is not here but in
     * {@code <dataDir>/clerk-pin} (written by {@code ./kiosk clerk set-pin}).
     *
     * @param maxPinFailures wrong PINs in a row before clerk mode locks
     * @param lockoutMinutes how long it stays locked
     * @param keySwitchPin BCM pin of the maintenance key switch (closes to ground); 0 when there is none
     */
    public record Clerk(int maxPinFailures, int lockoutMinutes, int keySwitchPin) {
        public static final Clerk DEFAULTS = new Clerk(5, 15, 0);
    }

    /**
     * The municipal counter deployment (kiosk.deployment COUNTER).
     *
     * @param window where the 受付票 sends the resident, e.g. 市民課 2番窓口
     * @param ticketPrefix the letter this terminal's ticket numbers start with
     * @param paymentWaitMinutes how long the terminal waits for staff to confirm the payment
     */
    public record Counter(String window, String ticketPrefix, int paymentWaitMinutes) {
        public static final Counter DEFAULTS = new Counter("窓口", "A", 10);
    }
}
