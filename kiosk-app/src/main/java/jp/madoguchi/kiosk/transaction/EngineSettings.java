package jp.madoguchi.kiosk.transaction;

import java.time.Duration;
import java.util.Objects;
import jp.madoguchi.kiosk.money.Yen;

/**
 * The engine's limits and constants.
 *
 * @param residentTimeout how long a screen waits for the resident (PIN, menu, confirm, paying)
 *     before the transaction is cancelled; after printing, how long before the card-left alarm
 * @param printTimeLimit the longest one certificate copy may take to print; a job that takes
 *     longer is cancelled and the whole issuance torn down
 * @param operatorShare the operator's part of each copy's fee (115 yen)
 * @param receiptHeader the site name printed on receipts
 */
public record EngineSettings(
        Duration residentTimeout, Duration printTimeLimit, Yen operatorShare, String receiptHeader) {
    public EngineSettings {
        Objects.requireNonNull(residentTimeout, "residentTimeout");
        Objects.requireNonNull(printTimeLimit, "printTimeLimit");
        Objects.requireNonNull(operatorShare, "operatorShare");
        Objects.requireNonNull(receiptHeader, "receiptHeader");
        if (residentTimeout.isNegative()
                || residentTimeout.isZero()
                || printTimeLimit.isNegative()
                || printTimeLimit.isZero()) {
            throw new IllegalArgumentException("engine time limits must be positive");
        }
    }

    /** Store defaults: 60 s per screen, 3 minutes per copy (printing can take 2+ minutes), 115 yen. */
    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(60), Duration.ofMinutes(3), Yen.of(115), "Madoguchi");
    }

    public EngineSettings withResidentTimeout(Duration value) {
        return new EngineSettings(value, printTimeLimit, operatorShare, receiptHeader);
    }

    public EngineSettings withPrintTimeLimit(Duration value) {
        return new EngineSettings(residentTimeout, value, operatorShare, receiptHeader);
    }
}
