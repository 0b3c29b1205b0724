package jp.madoguchi.kiosk.hwcheck;

import java.util.Objects;

/**
 * One row of the hardware check: which device, how it went, and what was seen (or what to do).
 *
 * @param device the device, as the technician knows it ("card reader", "certificate printer")
 * @param status the outcome
 * @param detail what the device answered, or why it failed and what to check
 */
public record CheckResult(String device, CheckStatus status, String detail) {
    public CheckResult {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static CheckResult pass(String device, String detail) {
        return new CheckResult(device, CheckStatus.PASS, detail);
    }

    public static CheckResult fail(String device, String detail) {
        return new CheckResult(device, CheckStatus.FAIL, detail);
    }

    public static CheckResult notUsed(String device, String detail) {
        return new CheckResult(device, CheckStatus.NOT_USED, detail);
    }
}
