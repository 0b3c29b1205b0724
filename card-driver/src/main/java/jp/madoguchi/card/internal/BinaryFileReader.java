package jp.madoguchi.card.internal;

import java.util.Arrays;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;

/**
 * Reads the one TLV object held by the currently selected EF with as few READ BINARY commands as
 * the card allows. The first read of a session tries an extended Le (the whole file in one
 * answer); if the card or reader refuses it, the reader remembers that for the session and reads
 * 256-byte short chunks. The object's length always comes from its own header.
 */
final class BinaryFileReader {
    /** READ BINARY offsets are 15 bits (P1 bit 8 set would mean a short EF id). */
    private static final int MAX_OFFSET = 0x7FFF;
    /** A card returning tiny chunks would make reading a certificate take forever; stop early. */
    private static final int MAX_READS_PER_FILE = 160;

    private enum ExtendedLength {
        UNTRIED,
        SUPPORTED,
        UNSUPPORTED
    }

    private final ApduExchange exchange;
    private ExtendedLength extended;

    BinaryFileReader(ApduExchange exchange, boolean shortReadsOnly) {
        this.exchange = exchange;
        this.extended = shortReadsOnly ? ExtendedLength.UNSUPPORTED : ExtendedLength.UNTRIED;
    }

    /** Reads the object described by {@code header} from the start of the selected EF. */
    byte[] readObject(TlvHeader header) {
        byte[] buffer = new byte[0];
        int filled = 0;
        int total = TlvHeader.INCOMPLETE;
        int reads = 0;
        while (total == TlvHeader.INCOMPLETE || filled < total) {
            if (++reads > MAX_READS_PER_FILE) {
                throw new CardException(
                        CardErrorCode.MALFORMED_RESPONSE,
                        "the card returned too little data per READ BINARY; try another card or reader");
            }
            if (filled > MAX_OFFSET) {
                throw new CardException(
                        CardErrorCode.MALFORMED_RESPONSE,
                        "the file on the card is larger than READ BINARY can address");
            }
            int wanted = total == TlvHeader.INCOMPLETE ? -1 : total - filled;
            byte[] chunk = readChunk(filled, wanted);
            if (chunk.length == 0) {
                throw new CardException(
                        CardErrorCode.MALFORMED_RESPONSE,
                        "the card returned no data before the end of the file; try another card");
            }
            int keep = wanted < 0 ? chunk.length : Math.min(chunk.length, wanted);
            if (buffer.length < filled + keep) {
                byte[] grown = Arrays.copyOf(buffer, Math.max(filled + keep, buffer.length * 2));
                Arrays.fill(buffer, (byte) 0);
                buffer = grown;
            }
            System.arraycopy(chunk, 0, buffer, filled, keep);
            Arrays.fill(chunk, (byte) 0);
            filled += keep;
            if (total == TlvHeader.INCOMPLETE) {
                total = header.totalLength(buffer, filled);
            }
        }
        byte[] object = Arrays.copyOf(buffer, total);
        Arrays.fill(buffer, (byte) 0);
        return object;
    }

    /**
     * Reads from {@code offset}: {@code wanted} bytes, or as many as the card gives when negative.
     * Returns the data (possibly fewer bytes; never more than 65536).
     */
    private byte[] readChunk(int offset, int wanted) {
        if (extended != ExtendedLength.UNSUPPORTED) {
            int le = wanted < 0 || wanted > 0x10000 ? 0x10000 : wanted;
            ResponseApdu response;
            try {
                response = exchange.send(CommandApdus.readBinaryExtended(offset, le));
            } catch (CardException e) {
                // A reader that cannot carry extended APDUs reports a transmission error; the card
                // itself is fine, so fall back once. Removal and silence are not about length.
                if (extended == ExtendedLength.UNTRIED && e.code() == CardErrorCode.TRANSMISSION_FAILED) {
                    extended = ExtendedLength.UNSUPPORTED;
                    return readChunk(offset, wanted);
                }
                throw e;
            }
            if (isData(response)) {
                extended = ExtendedLength.SUPPORTED;
                return response.data();
            }
            if (extended == ExtendedLength.UNTRIED && refusesExtendedLength(response.sw())) {
                extended = ExtendedLength.UNSUPPORTED;
            } else {
                throw StatusWords.toException(response.sw(), "READ BINARY");
            }
        }
        int le = wanted < 0 || wanted > 256 ? 256 : wanted;
        ResponseApdu response = exchange.send(CommandApdus.readBinaryShort(offset, le));
        if (response.sw1() == 0x6C && response.sw2() != 0 && response.sw2() < le) {
            // ISO 7816-4: wrong Le, SW2 is how many bytes are there; ask again once for exactly that.
            response = exchange.send(CommandApdus.readBinaryShort(offset, response.sw2()));
        }
        if (isData(response)) {
            return response.data();
        }
        throw StatusWords.toException(response.sw(), "READ BINARY");
    }

    private static boolean isData(ResponseApdu response) {
        return response.sw() == StatusWords.OK || response.sw() == StatusWords.END_OF_FILE;
    }

    /**
     * Whether a status word to the first extended READ BINARY means "not like this" rather than
     * an error about the file itself (wrong length, wrong Le, unknown instruction or parameters).
     */
    private static boolean refusesExtendedLength(int sw) {
        return sw != StatusWords.SECURITY_STATUS_NOT_SATISFIED
                && sw != StatusWords.FILE_NOT_FOUND
                && sw != StatusWords.NO_CURRENT_EF
                && sw != StatusWords.AUTHENTICATION_BLOCKED
                && sw != StatusWords.REFERENCE_DATA_INVALIDATED;
    }
}
