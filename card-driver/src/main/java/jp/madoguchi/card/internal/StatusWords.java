package jp.madoguchi.card.internal;

import java.util.Locale;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;

/** ISO 7816-4 status words the driver knows, and the error each one means in general. */
final class StatusWords {
    static final int OK = 0x9000;
    /** End of file reached before Le bytes were read: the data returned is the rest of the file. */
    static final int END_OF_FILE = 0x6282;

    static final int WRONG_LENGTH = 0x6700;
    static final int SECURITY_STATUS_NOT_SATISFIED = 0x6982;
    static final int AUTHENTICATION_BLOCKED = 0x6983;
    static final int REFERENCE_DATA_INVALIDATED = 0x6984;
    static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    static final int NO_CURRENT_EF = 0x6986;
    static final int FILE_NOT_FOUND = 0x6A82;
    static final int WRONG_OFFSET = 0x6B00;

    private StatusWords() {}

    static String hex(int sw) {
        return String.format(Locale.ROOT, "%04X", sw);
    }

    /** The error for a status word that the calling operation has no special meaning for. */
    static CardException toException(int sw, String command) {
        String where = " (status " + hex(sw) + " to " + command + ")";
        if (sw == SECURITY_STATUS_NOT_SATISFIED) {
            return new CardException(
                    CardErrorCode.SECURITY_STATUS_NOT_SATISFIED,
                    "the card requires a verified PIN for this; verify the PIN in this session first" + where);
        }
        if (sw == FILE_NOT_FOUND) {
            return new CardException(CardErrorCode.FILE_NOT_FOUND, "the card has no such application or file" + where);
        }
        if (sw == WRONG_OFFSET) {
            return new CardException(
                    CardErrorCode.MALFORMED_RESPONSE,
                    "the file on the card is shorter than its own header says" + where);
        }
        if (sw >>> 8 == 0x61 || sw >>> 8 == 0x6C) {
            return new CardException(
                    CardErrorCode.MALFORMED_RESPONSE, "the card kept asking to repeat the command" + where);
        }
        return new CardException(
                CardErrorCode.UNEXPECTED_STATUS,
                "the card answered an unexpected status; remove and reinsert the card, and try another"
                        + " card if it persists" + where);
    }
}
