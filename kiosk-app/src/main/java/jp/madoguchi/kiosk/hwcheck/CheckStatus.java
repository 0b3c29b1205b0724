package jp.madoguchi.kiosk.hwcheck;

/** The outcome of one hardware check. */
public enum CheckStatus {
    /** The device answered as a working kiosk needs. */
    PASS,
    /** The device is missing, unreachable or reports a problem: the kiosk cannot serve with it. */
    FAIL,
    /** The configuration does not use this device (simulated, or another payment device). */
    NOT_USED;

    /** How the table shows it. */
    public String label() {
        return this == NOT_USED ? "not used" : name();
    }
}
