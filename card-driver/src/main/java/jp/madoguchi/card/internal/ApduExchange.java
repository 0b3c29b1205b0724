package jp.madoguchi.card.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends commands over an {@link ApduChannel}: counts them, fetches the rest of an answer the
 * card announces with 61xx, and traces each exchange at debug level. The trace shows command
 * headers, lengths and status words only: never data, so a PIN, a certificate or personal data
 * cannot reach a log.
 */
final class ApduExchange {
    private static final Logger TRACE = LoggerFactory.getLogger("jp.madoguchi.card.apdu");
    /** A card that keeps announcing more data is broken; 64 KiB is more than any file we read. */
    private static final int MAX_GET_RESPONSES = 256;

    private final ApduChannel channel;
    private long count;

    ApduExchange(ApduChannel channel) {
        this.channel = channel;
    }

    long count() {
        return count;
    }

    /** Sends {@code command} and returns the card's complete answer. */
    ResponseApdu send(byte[] command) {
        ResponseApdu response = once(command);
        if (response.sw1() != 0x61) {
            return response;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(response.data());
        for (int i = 0; i < MAX_GET_RESPONSES && response.sw1() == 0x61; i++) {
            response = once(CommandApdus.getResponse(response.sw2()));
            data.writeBytes(response.data());
        }
        if (response.sw1() == 0x61) {
            throw new CardException(
                    CardErrorCode.MALFORMED_RESPONSE,
                    "the card kept announcing more data to " + CommandApdus.describe(command)
                            + "; remove and reinsert the card");
        }
        byte[] all = data.toByteArray();
        return new ResponseApdu(all, response.sw());
    }

    private ResponseApdu once(byte[] command) {
        count++;
        if (TRACE.isDebugEnabled()) {
            boolean secret = command.length > 5 && (command[1] & 0xFF) == CommandApdus.INS_VERIFY;
            TRACE.debug(
                    "-> {} {} [{} bytes{}]",
                    CommandApdus.describe(command),
                    HexFormat.of().withUpperCase().formatHex(command, 0, 4),
                    command.length,
                    secret ? ", PIN masked" : "");
        }
        byte[] raw = channel.transmit(command);
        try {
            ResponseApdu response = ResponseApdu.parse(raw, command);
            if (TRACE.isDebugEnabled()) {
                TRACE.debug("<- {} bytes, SW {}", response.data().length, StatusWords.hex(response.sw()));
            }
            return response;
        } finally {
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }
}
