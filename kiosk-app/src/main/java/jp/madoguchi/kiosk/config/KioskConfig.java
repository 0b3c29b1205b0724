package jp.madoguchi.kiosk.config;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;

/**
 * The whole configuration, one small record per concern. Every value has a default so that an
 * empty file (or none: {@code ./kiosk demo}) gives an all-simulated kiosk.
 */
public record KioskConfig(
        Kiosk kiosk, Card card, Center center, Printers printers, Payment payment, Ledger ledger, Hours hours, Ui ui) {

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
}
