package jp.madoguchi.card;

/** Sex as recorded in the card-info AP's basic attributes (one ASCII digit on the card). */
public enum Sex {
    MALE('1'),
    FEMALE('2'),
    OTHER('3'),
    NOT_APPLICABLE('9');

    private final char code;

    Sex(char code) {
        this.code = code;
    }

    /** The digit the card stores. */
    public char code() {
        return code;
    }
}
