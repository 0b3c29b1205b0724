package jp.madoguchi.card.internal;

import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;

/**
 * Reads the header of the one BER/DER object a file on the card holds, to learn how many bytes to
 * read. The card is never trusted to stop at the end of the object: the header decides.
 */
final class TlvHeader {
    /** More bytes are needed before the length is known. */
    static final int INCOMPLETE = -1;

    private final byte[] tag;
    private final int maxTotalLength;
    private final String what;

    /**
     * @param tag the tag bytes the object must start with, e.g. {@code 30} for a certificate
     * @param maxTotalLength the largest object (header included) accepted
     * @param what what the object is, for error messages
     */
    TlvHeader(byte[] tag, int maxTotalLength, String what) {
        this.tag = tag.clone();
        this.maxTotalLength = maxTotalLength;
        this.what = what;
    }

    /**
     * The length of the whole object (header and value) from the first {@code available} bytes of
     * {@code bytes}, or {@link #INCOMPLETE} if the header is not complete yet.
     */
    int totalLength(byte[] bytes, int available) {
        int checked = Math.min(available, tag.length);
        for (int i = 0; i < checked; i++) {
            if (bytes[i] != tag[i]) {
                throw malformed("does not start with the expected tag (found " + String.format("%02X", bytes[i] & 0xFF)
                        + " at byte " + i + ")");
            }
        }
        if (available <= tag.length) {
            return INCOMPLETE;
        }
        int first = bytes[tag.length] & 0xFF;
        if (first < 0x80) {
            return check(tag.length + 1L + first);
        }
        if (first == 0x80) {
            throw malformed("uses an indefinite length, which DER does not allow");
        }
        int lengthBytes = first & 0x7F;
        if (lengthBytes > 3) {
            throw malformed("declares a length of " + lengthBytes + " bytes, far beyond any certificate");
        }
        if (available < tag.length + 1 + lengthBytes) {
            return INCOMPLETE;
        }
        long length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length = (length << 8) | (bytes[tag.length + 1 + i] & 0xFF);
        }
        return check(tag.length + 1L + lengthBytes + length);
    }

    private int check(long total) {
        if (total > maxTotalLength) {
            throw malformed("declares " + total + " bytes, more than the " + maxTotalLength + " expected at most");
        }
        return (int) total;
    }

    private CardException malformed(String problem) {
        return new CardException(
                CardErrorCode.MALFORMED_RESPONSE,
                "the " + what + " on the card " + problem + "; the card may be damaged: try another card");
    }
}
