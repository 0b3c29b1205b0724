package jp.madoguchi.kiosk.clerk.ui;

/** The clerk screens, in the order of the navigation bar (LOGIN is shown while clerk mode is closed). */
public enum ClerkScreenId {
    LOGIN("login.title"),
    DASHBOARD("shell.dashboard"),
    PRINTERS("shell.printers"),
    MONEY("shell.money"),
    LOOKUP("shell.lookup"),
    EXPORT("shell.export"),
    COUNTER("shell.counter");

    private final String labelKey;

    ClerkScreenId(String labelKey) {
        this.labelKey = labelKey;
    }

    /** The navigation label's key. */
    public String labelKey() {
        return labelKey;
    }
}
