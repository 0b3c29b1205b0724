package jp.madoguchi.kiosk.clerk;

/**
 * A clerk action that cannot be done as asked, with what the clerk should do instead. Checked
 * before anything is recorded, so a refused action leaves no trace but its message.
 */
public final class ClerkActionRefused extends jp.madoguchi.kiosk.KioskException {
    /** Why. */
    public enum Reason {
        UNKNOWN_TRANSACTION,
        TRANSACTION_STILL_RUNNING,
        AMOUNT_NOT_POSITIVE,
        AMOUNT_TOO_LARGE,
        NOT_A_RECEIPT_CODE,
        EXPORT_TARGET_UNUSABLE,
        PRINTER_REFUSED,
        NO_CLERK_PIN
    }

    private final Reason reason;

    public ClerkActionRefused(Reason reason, String message) {
        super(codeFor(), message);
        this.reason = reason;
    }

    public ClerkActionRefused(Reason reason, String message, Throwable cause) {
        super(codeFor(), message, cause);
        this.reason = reason;
    }

    private static jp.madoguchi.kiosk.KioskErrorCode codeFor() {
        return jp.madoguchi.kiosk.KioskErrorCode.CLERK_ACTION_REFUSED;
    }

    public Reason reason() {
        return reason;
    }
}
