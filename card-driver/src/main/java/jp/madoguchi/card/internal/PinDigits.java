package jp.madoguchi.card.internal;

import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;

/** The 4-digit PINs of the My Number card, checked before anything is sent. */
final class PinDigits {
    static final int LENGTH = 4;

    private PinDigits() {}

    /**
     * The PIN as ASCII bytes. Throws {@link CardErrorCode#INVALID_PIN_FORMAT} unless it is exactly
     * four characters '0'..'9'. The caller zeroes the returned array.
     */
    static byte[] toAscii(char[] pin) {
        if (pin == null || pin.length != LENGTH) {
            throw invalid();
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                throw invalid();
            }
        }
        byte[] ascii = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            ascii[i] = (byte) pin[i];
        }
        return ascii;
    }

    private static CardException invalid() {
        return new CardException(
                CardErrorCode.INVALID_PIN_FORMAT,
                "the PIN must be exactly 4 digits (0-9); nothing was sent to the card, no try was used");
    }
}
