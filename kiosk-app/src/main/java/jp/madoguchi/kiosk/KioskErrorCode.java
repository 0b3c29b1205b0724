package jp.madoguchi.kiosk;

/** What went wrong in the kiosk application, with what the operator should do. */
public enum KioskErrorCode {
    JOURNAL_UNAVAILABLE(
            "The journal database cannot be opened or written: check the data directory's disk space and permissions."),
    JOURNAL_INCONSISTENT(
            "The journal refused a change that would break its rules: this is a bug; keep the data directory for analysis."),
    PAYMENT_DEVICE_FAULT(
            "The payment device stopped working: check it in clerk mode; the resident's money is kept in the journal."),
    CLERK_ACTION_REFUSED("A clerk action was refused: read the message, correct the input and try again."),
    CONFIGURATION_INVALID("The configuration file has an invalid value: fix the named key.");

    private final String advice;

    KioskErrorCode(String advice) {
        this.advice = advice;
    }

    /** What the operator or clerk should do. */
    public String advice() {
        return advice;
    }
}
