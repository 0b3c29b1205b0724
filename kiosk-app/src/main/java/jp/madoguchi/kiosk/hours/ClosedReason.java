package jp.madoguchi.kiosk.hours;

/** Why the kiosk does not issue now; each has a resident-facing message key. */
public enum ClosedReason {
    OUTSIDE_HOURS("hours.closed.outsideHours"),
    YEAR_END("hours.closed.yearEnd"),
    MAINTENANCE("hours.closed.maintenance");

    private final String messageKey;

    ClosedReason(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
