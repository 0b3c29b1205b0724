package jp.madoguchi.kiosk.journal;

import java.util.Objects;

/** The number of one transaction at one kiosk, printed on receipts (e.g. {@code K0001-20261123-0007}). */
public record TransactionId(String value) {
    public TransactionId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("not a transaction id: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
