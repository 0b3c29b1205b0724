package jp.madoguchi.kiosk.hwcheck;

/** One device's smoke test. Implementations bound their own I/O; the checklist bounds them again. */
public interface HardwareCheck {
    /** The device, as the table names it. */
    String device();

    /** Looks at the device once; never throws for a device problem (that is a FAIL result). */
    CheckResult run();
}
