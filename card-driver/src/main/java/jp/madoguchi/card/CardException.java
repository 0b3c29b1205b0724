package jp.madoguchi.card;

import java.util.OptionalInt;

/**
 * The one unchecked exception of the card driver. {@link #code()} says what went wrong; the
 * message says what to do. Messages never contain a PIN, a certificate or personal data.
 */
public final class CardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CardErrorCode code;
    private final int triesLeft;

    public CardException(CardErrorCode code, String message) {
        this(code, message, null);
    }

    public CardException(CardErrorCode code, String message, Throwable cause) {
        this(code, message, -1, cause);
    }

    private CardException(CardErrorCode code, String message, int triesLeft, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
        this.triesLeft = triesLeft;
    }

    /** A wrong PIN with {@code triesLeft} tries remaining before the card locks. */
    public static CardException wrongPin(int triesLeft) {
        String message = triesLeft == 1
                ? "wrong PIN; 1 try left: one more wrong PIN locks the card. Check the 4-digit PIN before trying again."
                : "wrong PIN; " + triesLeft + " tries left. Check the 4-digit PIN before trying again.";
        return new CardException(CardErrorCode.WRONG_PIN, message, triesLeft, null);
    }

    /** A locked PIN; {@code which} names the PIN, e.g. "user-authentication PIN". */
    public static CardException pinLocked(String which) {
        return new CardException(
                CardErrorCode.PIN_LOCKED,
                "the " + which + " is locked after too many wrong entries; the resident must go to the"
                        + " municipal office (市区町村の窓口) to reset the PIN. No PIN was or will be sent to this card.",
                0,
                null);
    }

    public CardErrorCode code() {
        return code;
    }

    /** Tries left for {@link CardErrorCode#WRONG_PIN} (1..) and {@link CardErrorCode#PIN_LOCKED} (0). */
    public OptionalInt triesLeft() {
        return triesLeft < 0 ? OptionalInt.empty() : OptionalInt.of(triesLeft);
    }
}
