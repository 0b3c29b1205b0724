package jp.madoguchi.card.internal;

import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;

/** A card's answer split into data and status word. */
record ResponseApdu(byte[] data, int sw) {

    /** Splits {@code raw}, the answer to {@code command} (named in the error if malformed). */
    static ResponseApdu parse(byte[] raw, byte[] command) {
        if (raw == null || raw.length < 2) {
            throw new CardException(
                    CardErrorCode.MALFORMED_RESPONSE,
                    "the card's answer to " + CommandApdus.describe(command) + " has no status word ("
                            + (raw == null ? 0 : raw.length) + " bytes); remove and reinsert the card");
        }
        byte[] data = new byte[raw.length - 2];
        System.arraycopy(raw, 0, data, 0, data.length);
        int sw = ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF);
        return new ResponseApdu(data, sw);
    }

    int sw1() {
        return sw >>> 8;
    }

    int sw2() {
        return sw & 0xFF;
    }

    boolean isSuccess() {
        return sw == StatusWords.OK;
    }
}
