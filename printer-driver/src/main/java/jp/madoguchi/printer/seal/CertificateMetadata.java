package jp.madoguchi.printer.seal;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * What the seal says about a certificate besides its content: ids and a date, never personal data.
 *
 * @param documentId the issuer's id of this document (ASCII letters, digits, {@code . _ -}; 1–40)
 * @param issuerId the issuer, e.g. the municipality code {@code 131016} (same alphabet; 1–20)
 * @param issueDate the date the certificate was issued
 */
public record CertificateMetadata(String documentId, String issuerId, LocalDate issueDate) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    public CertificateMetadata {
        requireId("documentId", documentId, 40);
        requireId("issuerId", issuerId, 20);
        Objects.requireNonNull(issueDate, "issueDate");
        if (issueDate.getYear() < 2000 || issueDate.getYear() > 2150) {
            throw new PrinterException(ErrorCode.SEAL_INPUT_INVALID, "issueDate out of range: " + issueDate);
        }
    }

    private static void requireId(String what, String value, int max) {
        if (value == null
                || value.isEmpty()
                || value.length() > max
                || !ID.matcher(value).matches()) {
            throw new PrinterException(
                    ErrorCode.SEAL_INPUT_INVALID,
                    what + " must be 1-" + max + " characters of A-Z a-z 0-9 . _ - (got "
                            + (value == null ? "null" : value.length() + " characters") + ")");
        }
    }
}
