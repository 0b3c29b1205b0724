package jp.madoguchi.kiosk.clerk;

import java.util.Objects;
import java.util.Optional;

/**
 * A machine code as clerk records and exported logs carry it: upper-case letters, digits and
 * underscores only ({@code PAPER_JAM}, {@code WRONG_PIN}, {@code VOUCHER_REDEEMED}). A code cannot
 * hold a name, an address or a sentence, which is what lets the log export promise no personal
 * data by construction.
 */
public record Code(String value) {
    private static final String SHAPE = "[A-Z0-9_]{1,64}";

    /** Anything that is not a code is shown as this. */
    public static final Code OTHER = new Code("OTHER");

    public Code {
        Objects.requireNonNull(value, "value");
        if (!value.matches(SHAPE)) {
            throw new IllegalArgumentException("not a code (A-Z, 0-9, _; at most 64): " + value.length() + " chars");
        }
    }

    /** The code of {@code text}, or {@link #OTHER} when the text is not shaped like a code. */
    public static Code of(String text) {
        return text != null && text.matches(SHAPE) ? new Code(text) : OTHER;
    }

    /** Empty for null; otherwise {@link #of}. */
    public static Optional<Code> ofNullable(String text) {
        return text == null ? Optional.empty() : Optional.of(of(text));
    }

    @Override
    public String toString() {
        return value;
    }
}
