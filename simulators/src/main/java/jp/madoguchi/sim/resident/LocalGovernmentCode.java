package jp.madoguchi.sim.resident;

/** The check digit of a 6-digit local-government code (地方公共団体コード). */
public final class LocalGovernmentCode {
    private LocalGovernmentCode() {}

    /** Check digit of a 5-digit code: weights 6..2, 11 minus the remainder mod 11, last digit. */
    public static int checkDigit(String fiveDigits) {
        if (!fiveDigits.matches("[0-9]{5}")) {
            throw new IllegalArgumentException("a local-government code has 5 digits before its check digit");
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * (6 - i);
        }
        return (11 - sum % 11) % 10;
    }

    public static boolean isValid(String sixDigits) {
        return sixDigits.matches("[0-9]{6}") && checkDigit(sixDigits.substring(0, 5)) == sixDigits.charAt(5) - '0';
    }
}
