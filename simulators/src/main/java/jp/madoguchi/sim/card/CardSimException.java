package jp.madoguchi.sim.card;

import java.util.Objects;

/** Something the card simulator cannot do; {@link #code()} says what kind of problem it is. */
public final class CardSimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Code {
        /** The slot holds no card. */
        NO_CARD,
        /** The card was taken out of the slot while it was in use. */
        CARD_REMOVED,
        /** A card is already in the slot; remove it first (or swap). */
        SLOT_OCCUPIED,
        /** The waiting thread was interrupted. */
        INTERRUPTED,
        /** A cardholder or PIN value is not acceptable for a My Number card. */
        INVALID_INPUT,
        /** The card refused its personalisation (an applet or simulator bug). */
        PERSONALISATION_FAILED,
        /** The vpcd side (pcscd) cannot be used with the given settings. */
        VPCD_FAILED
    }

    private final Code code;

    public CardSimException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public CardSimException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
