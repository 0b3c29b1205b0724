package jp.madoguchi.card.internal;

/**
 * What this session knows about one PIN of the card: tries left as last reported, and whether it
 * is locked. Locked is final for the session: only the municipal office unlocks a PIN, so a later
 * answer claiming tries again (a glitch) never makes the session send that PIN.
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
        if (!isLocked()) {
            triesLeft = tries;
        }
    }
}
