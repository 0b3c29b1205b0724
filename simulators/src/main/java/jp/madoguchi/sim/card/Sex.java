package jp.madoguchi.sim.card;

/** Sex as the card-info AP records it: one ASCII digit. */
public enum Sex {
    MALE('1'),
    FEMALE('2'),
    OTHER('3'),
    NOT_APPLICABLE('9');

    private final char code;

    Sex(char code) {
        this.code = code;
    }

    /** The digit stored on the card. */
    public char code() {
        return code;
    }

    /** The sex for a card digit ({@code 1}, {@code 2}, {@code 3} or {@code 9}). */
    public static Sex ofCode(char code) {
        for (Sex sex : values()) {
            if (sex.code == code) {
                return sex;
            }
        }
        throw new CardSimException(
                CardSimException.Code.INVALID_INPUT, "sex must be one of 1, 2, 3, 9 (got '" + code + "')");
    }
}
