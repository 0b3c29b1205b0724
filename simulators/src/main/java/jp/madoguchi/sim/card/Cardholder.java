package jp.madoguchi.sim.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The synthetic resident a simulated card is issued to: the id that the center simulator knows
 * them by, and the four basic attributes and My Number that the card-info AP holds. Synthetic,
 * but treated as personal data all the same: {@link #toString()} shows the id only, and nothing
 * here is written to disk or logs.
 *
 * @param residentId the synthetic resident id (e.g. {@code R0001}), also in the certificates
 * @param name full name as printed on the card
 * @param address address as printed on the card
 * @param birthDate date of birth
 * @param sex sex
 * @param myNumber the 12-digit individual number (個人番号)
 */
public record Cardholder(
        String residentId, String name, String address, LocalDate birthDate, Sex sex, String myNumber) {

    public Cardholder {
        Objects.requireNonNull(residentId, "residentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(myNumber, "myNumber");
        if (!residentId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw invalid("the resident id must be 1-32 letters, digits, '-' or '_' (e.g. R0001)");
        }
        if (name.isBlank() || address.isBlank()) {
            throw invalid("name and address must not be blank (resident " + residentId + ")");
        }
        if (!myNumber.matches("[0-9]{12}")) {
            throw invalid("the My Number must be exactly 12 digits (resident " + residentId + ")");
        }
    }

    /**
     * A placeholder cardholder for {@code residentId} when no resident catalogue knows them:
     * fictional name 窓口 太郎, a fictional address, born 1985-04-01, male, and a My Number
     * derived from the id with a valid check digit. Same id, same values.
     */
    public static Cardholder placeholder(String residentId) {
        Objects.requireNonNull(residentId, "residentId");
        return new Cardholder(
                residentId,
                "窓口 太郎",
                "模擬県窓口市見本町一丁目1番1号",
                LocalDate.of(1985, 4, 1),
                Sex.MALE,
                individualNumberFor(residentId));
    }

    public Cardholder withName(String value) {
        return new Cardholder(residentId, value, address, birthDate, sex, myNumber);
    }

    public Cardholder withAddress(String value) {
        return new Cardholder(residentId, name, value, birthDate, sex, myNumber);
    }

    public Cardholder withBirthDate(LocalDate value) {
        return new Cardholder(residentId, name, address, value, sex, myNumber);
    }

    public Cardholder withSex(Sex value) {
        return new Cardholder(residentId, name, address, birthDate, value, myNumber);
    }

    public Cardholder withMyNumber(String value) {
        return new Cardholder(residentId, name, address, birthDate, sex, value);
    }

    /**
     * A 12-digit number whose last digit is the check digit of the individual number scheme
     * (weights 2-7 then 2-6 from the right, modulus 11), derived from {@code seed}.
     */
    public static String individualNumberFor(String seed) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; digits.length() < 11; i++) {
            digits.append((hash[i] & 0xFF) % 10);
        }
        return digits.append(checkDigit(digits)).toString();
    }

    /** The check digit for the first 11 digits of an individual number. */
    static int checkDigit(CharSequence elevenDigits) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int digit = elevenDigits.charAt(11 - n) - '0';
            int weight = n <= 6 ? n + 1 : n - 5;
            sum += digit * weight;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    @Override
    public String toString() {
        return "Cardholder[" + residentId + ", personal data hidden]";
    }

    private static CardSimException invalid(String message) {
        return new CardSimException(CardSimException.Code.INVALID_INPUT, message);
    }
}
