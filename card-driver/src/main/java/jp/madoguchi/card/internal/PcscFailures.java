package jp.madoguchi.card.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;

/**
 * Reads the PC/SC error name (e.g. {@code SCARD_E_NO_SERVICE}) that the JDK's provider puts in
 * its exception messages, and turns the service-level ones into clear errors.
 */
final class PcscFailures {
    private static final Pattern PCSC_CODE = Pattern.compile("SCARD_[EWF]_[A-Z_]+");

    static final String SERVICE_DOWN_ADVICE = "the PC/SC daemon is not running: start pcscd (systemctl start pcscd,"
            + " or run `pcscd` as root); if it is not installed: apt-get install pcscd";

    private PcscFailures() {}

    /** The first PC/SC error name found along the cause chain. */
    static Optional<String> code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher matcher = PCSC_CODE.matcher(t.getMessage());
                if (matcher.find()) {
                    return Optional.of(matcher.group());
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Whether the PC/SC service itself is gone (never started, or stopped). */
    static boolean serviceDown(Optional<String> code) {
        return code.filter(c -> c.equals("SCARD_E_NO_SERVICE") || c.equals("SCARD_E_SERVICE_STOPPED"))
                .isPresent();
    }

    /** Whether the card left (or its reader did). */
    static boolean cardGone(Optional<String> code) {
        return code.filter(c -> c.equals("SCARD_W_REMOVED_CARD")
                        || c.equals("SCARD_E_NO_SMARTCARD")
                        || c.equals("SCARD_E_READER_UNAVAILABLE")
                        || c.equals("SCARD_E_UNKNOWN_READER"))
                .isPresent();
    }

    static CardException serviceUnavailable(Throwable cause) {
        return new CardException(CardErrorCode.READER_UNAVAILABLE, SERVICE_DOWN_ADVICE, cause);
    }

    /** A short description of a failure for messages: its PC/SC code or its type. */
    static String describe(Throwable failure) {
        return code(failure).orElse(failure.getClass().getSimpleName());
    }
}
