package jp.madoguchi.card.internal;

/** Builders of the command APDUs the driver sends, and short names for them in logs and errors. */
final class CommandApdus {
    /** JPKI AP (公的個人認証AP). */
    static final byte[] JPKI_AID = {(byte) 0xD3, (byte) 0x92, (byte) 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01};
    /** Card-info input support AP (券面事項入力補助AP). */
    static final byte[] CARD_INFO_AID = {(byte) 0xD3, (byte) 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08};

    static final int EF_TOKEN_INFO = 0x0006;
    static final int EF_AUTH_CERTIFICATE = 0x000A;
    static final int EF_AUTH_CA_CERTIFICATE = 0x000B;
    static final int EF_AUTH_KEY = 0x0017;
    static final int EF_AUTH_PIN = 0x0018;
    static final int EF_CARD_INFO_ATTRIBUTES = 0x0002;
    static final int EF_CARD_INFO_PIN = 0x0011;

    static final int INS_VERIFY = 0x20;

    private CommandApdus() {}

    /** SELECT by DF name (AID), no answer data: {@code 00 A4 04 0C Lc AID}. */
    static byte[] selectApplication(byte[] aid) {
        byte[] apdu = new byte[5 + aid.length];
        apdu[1] = (byte) 0xA4;
        apdu[2] = 0x04;
        apdu[3] = 0x0C;
        apdu[4] = (byte) aid.length;
        System.arraycopy(aid, 0, apdu, 5, aid.length);
        return apdu;
    }

    /** SELECT EF by file id under the current DF: {@code 00 A4 02 0C 02 id}. */
    static byte[] selectFile(int fileId) {
        return new byte[] {0x00, (byte) 0xA4, 0x02, 0x0C, 0x02, (byte) (fileId >>> 8), (byte) fileId};
    }

    /** READ BINARY with a short Le (1..256; 256 is sent as 00). */
    static byte[] readBinaryShort(int offset, int length) {
        return new byte[] {0x00, (byte) 0xB0, (byte) (offset >>> 8), (byte) offset, (byte) length};
    }

    /** READ BINARY with an extended Le (1..65536; 65536 is sent as 0000). */
    static byte[] readBinaryExtended(int offset, int length) {
        return new byte[] {
            0x00, (byte) 0xB0, (byte) (offset >>> 8), (byte) offset, 0x00, (byte) (length >>> 8), (byte) length
        };
    }

    /** VERIFY without data: the card answers 63Cx (tries left) without using a try. */
    static byte[] verifyStatus() {
        return new byte[] {0x00, 0x20, 0x00, (byte) 0x80};
    }

    /** VERIFY with the PIN's ASCII digits. The caller zeroes the returned array after use. */
    static byte[] verify(byte[] pinDigits) {
        byte[] apdu = new byte[5 + pinDigits.length];
        apdu[1] = 0x20;
        apdu[3] = (byte) 0x80;
        apdu[4] = (byte) pinDigits.length;
        System.arraycopy(pinDigits, 0, apdu, 5, pinDigits.length);
        return apdu;
    }

    /** COMPUTE DIGITAL SIGNATURE with the selected key: {@code 80 2A 00 80 Lc DigestInfo 00}. */
    static byte[] computeDigitalSignature(byte[] digestInfo) {
        byte[] apdu = new byte[6 + digestInfo.length];
        apdu[0] = (byte) 0x80;
        apdu[1] = 0x2A;
        apdu[3] = (byte) 0x80;
        apdu[4] = (byte) digestInfo.length;
        System.arraycopy(digestInfo, 0, apdu, 5, digestInfo.length);
        return apdu;
    }

    /** GET RESPONSE for the rest of an answer the card announced with 61xx. */
    static byte[] getResponse(int length) {
        return new byte[] {0x00, (byte) 0xC0, 0x00, 0x00, (byte) length};
    }

    /** A short human name of a command, for logs and error messages (never its data). */
    static String describe(byte[] apdu) {
        if (apdu.length < 4) {
            return "a malformed command";
        }
        int ins = apdu[1] & 0xFF;
        int p1p2 = ((apdu[2] & 0xFF) << 8) | (apdu[3] & 0xFF);
        switch (ins) {
            case 0xA4:
                if (apdu[2] == 0x04) {
                    return "SELECT application";
                }
                return apdu.length >= 7 ? String.format("SELECT EF %02X%02X", apdu[5], apdu[6]) : "SELECT EF";
            case 0xB0:
                return "READ BINARY at " + p1p2;
            case 0x20:
                return apdu.length > 4 ? "VERIFY" : "VERIFY (tries left)";
            case 0x2A:
                return "COMPUTE DIGITAL SIGNATURE";
            case 0xC0:
                return "GET RESPONSE";
            default:
                return String.format("INS %02X", ins);
        }
    }
}
