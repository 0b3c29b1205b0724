package jp.madoguchi.sim.card;

import java.util.Objects;

/**
 * The PIN values a simulated card is personalised with. {@link #toString()} hides them.
 *
 * @param authPin user-authentication PIN, exactly 4 digits (default {@code 1234})
 * @param signingPassword signing password, 6-16 upper-case letters and digits (default {@code
 *     ABC123})
 * @param cardInfoPin card-info AP PIN, exactly 4 digits (default {@code 1234})
 */
public record CardPins(String authPin, String signingPassword, String cardInfoPin) {
    /** The documented defaults: auth PIN 1234, signing password ABC123, card-info PIN 1234. */
    public static final CardPins DEFAULT = new CardPins("1234", "ABC123", "1234");

    public CardPins {
        Objects.requireNonNull(authPin, "authPin");
        Objects.requireNonNull(signingPassword, "signingPassword");
        Objects.requireNonNull(cardInfoPin, "cardInfoPin");
        if (!authPin.matches("[0-9]{4}")) {
            throw invalid("the auth PIN must be exactly 4 digits");
        }
        if (!signingPassword.matches("[A-Z0-9]{6,16}")) {
            throw invalid("the signing password must be 6-16 upper-case letters A-Z and digits");
        }
        if (!cardInfoPin.matches("[0-9]{4}")) {
            throw invalid("the card-info PIN must be exactly 4 digits");
        }
    }

    public CardPins withAuthPin(String value) {
        return new CardPins(value, signingPassword, cardInfoPin);
    }

    public CardPins withSigningPassword(String value) {
        return new CardPins(authPin, value, cardInfoPin);
    }

    public CardPins withCardInfoPin(String value) {
        return new CardPins(authPin, signingPassword, value);
    }

    @Override
    public String toString() {
        return "CardPins[hidden]";
    }

    private static CardSimException invalid(String message) {
        return new CardSimException(CardSimException.Code.INVALID_INPUT, message);
    }
}
