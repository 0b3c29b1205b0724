package jp.madoguchi.card.internal;

/**
 * What this session knows about one PIN of the card: tries left as last reported, and whether it
 * is locked. Once locked, the session never sends that PIN again.
 */
final class PinState {
    static final int UNKNOWN = -1;

    private final String name;
    private int triesLeft = UNKNOWN;

    PinState(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    boolean isKnown() {
        return triesLeft != UNKNOWN;
    }

    boolean isLocked() {
        return triesLeft == 0;
    }

    int triesLeft() {
        return triesLeft;
    }

    void reported(int tries) {
        triesLeft = tries;
    }
}
