package jp.madoguchi.card.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;

/**
 * A scripted JPKI card for the driver's unit tests: answers APDUs the way the agreed card
 * contract describes (SELECT, READ BINARY short and extended, VERIFY with counters, COMPUTE
 * DIGITAL SIGNATURE, the card-info AP), with knobs to inject the faults real cards show. It
 * records every command so tests can assert what the driver sent.
 */
public final class ScriptedJpkiCard implements ApduChannel {
    static final byte[] JPKI_AID = CommandApdus.JPKI_AID;
    static final byte[] CARD_INFO_AID = CommandApdus.CARD_INFO_AID;

    /** How the card (or its reader) treats an extended-length READ BINARY. */
    enum ExtendedReads {
        SUPPORTED,
        ANSWER_6700,
        ANSWER_6D00,
        READER_ERROR
    }

    private final Map<String, Map<Integer, byte[]>> files = new HashMap<>();
    private final Map<String, Pin> pins = new HashMap<>();
    private final Set<String> verified = new HashSet<>();
    private final List<byte[]> received = new ArrayList<>();
    private final PrivateKey authKey;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    ExtendedReads extendedReads = ExtendedReads.SUPPORTED;
    /** The most data bytes the card returns in one answer (short reads return at most 256). */
    int maxAnswer = 65536;
    /** Answer the end of a file with 6282 instead of 9000 when fewer bytes remain than asked. */
    boolean endOfFileWarning;
    /** Answer long data through 61xx and GET RESPONSE, in pieces of this size (0 = never). */
    int getResponsePiece;
    /** When set, the signature answered instead of a real RSA one (fast, for randomized tests). */
    byte[] fixedSignature;

    private String selectedAp;
    private int selectedEf = -1;
    private byte[] pendingResponse;
    private boolean closed;

    private static final class Pin {
        final byte[] digits;
        final int maxTries;
        int triesLeft;
        boolean answerLockedWith6983 = true;

        Pin(String digits, int maxTries) {
            this.digits = digits.getBytes(StandardCharsets.US_ASCII);
            this.maxTries = maxTries;
            this.triesLeft = maxTries;
        }
    }

    private ScriptedJpkiCard(PrivateKey authKey) {
        this.authKey = authKey;
    }

    /** A My Number card with the test PKI's certificates, auth PIN 1234 and card-info PIN 5678. */
    public static ScriptedJpkiCard myNumberCard() {
        TestPki pki = TestPki.get();
        ScriptedJpkiCard card = new ScriptedJpkiCard(pki.cardKeys.getPrivate());
        String jpki = key(JPKI_AID);
        card.putFile(jpki, CommandApdus.EF_TOKEN_INFO, padded("JPKIAPICCTOKEN2", 32));
        card.putFile(jpki, CommandApdus.EF_AUTH_CERTIFICATE, pki.authCertificateDer());
        card.putFile(jpki, CommandApdus.EF_AUTH_CA_CERTIFICATE, pki.authCaCertificateDer());
        card.putFile(jpki, CommandApdus.EF_AUTH_KEY, new byte[0]);
        card.putFile(jpki, CommandApdus.EF_AUTH_PIN, new byte[0]);
        card.pins.put(jpki + "/0018", new Pin("1234", 3));
        String info = key(CARD_INFO_AID);
        card.putFile(info, CommandApdus.EF_CARD_INFO_PIN, new byte[0]);
        card.putFile(info, CommandApdus.EF_CARD_INFO_ATTRIBUTES, basicAttributes());
        card.pins.put(info + "/0011", new Pin("5678", 3));
        return card;
    }

    /** A card without any of our applications (a credit card, say). */
    public static ScriptedJpkiCard foreignCard() {
        return new ScriptedJpkiCard(null);
    }

    /** A Juki card (住基カード): JPKI AP present, token info without the "2". */
    static ScriptedJpkiCard jukiCard() {
        ScriptedJpkiCard card = myNumberCard();
        card.putFile(key(JPKI_AID), CommandApdus.EF_TOKEN_INFO, padded("JPKIAPICCTOKEN", 32));
        return card;
    }

    private static final byte[] BASIC_ATTRIBUTES = encodeBasicAttributes();

    static byte[] basicAttributes() {
        return BASIC_ATTRIBUTES.clone();
    }

    private static byte[] encodeBasicAttributes() {
        return tlv(
                0xFF20,
                concat(
                        tlv(0xDF21, new byte[] {0x00, 0x01, 0x02}),
                        tlv(0xDF22, "見本 太郎".getBytes(StandardCharsets.UTF_8)),
                        tlv(0xDF23, "東京都千代田区千代田1番1号".repeat(4).getBytes(StandardCharsets.UTF_8)),
                        tlv(0xDF24, "19800401".getBytes(StandardCharsets.US_ASCII)),
                        tlv(0xDF25, "1".getBytes(StandardCharsets.US_ASCII))));
    }

    void putFile(String ap, int ef, byte[] content) {
        files.computeIfAbsent(ap, k -> new HashMap<>()).put(ef, content.clone());
    }

    void putFile(byte[] aid, int ef, byte[] content) {
        putFile(key(aid), ef, content);
    }

    void removeFile(byte[] aid, int ef) {
        files.get(key(aid)).remove(ef);
    }

    public void setAuthPinTries(int tries) {
        pins.get(key(JPKI_AID) + "/0018").triesLeft = tries;
    }

    void answerLockedAuthPinWith63C0() {
        pins.get(key(JPKI_AID) + "/0018").answerLockedWith6983 = false;
    }

    int authPinTries() {
        return pins.get(key(JPKI_AID) + "/0018").triesLeft;
    }

    /** Every command received, in order. */
    public List<byte[]> received() {
        return received;
    }

    /** How many VERIFY commands carried PIN data. */
    public long verifiesWithData() {
        return received.stream()
                .filter(c -> (c[1] & 0xFF) == 0x20 && c.length > 4)
                .count();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public byte[] transmit(byte[] command) {
        if (closed) {
            throw new CardException(CardErrorCode.SESSION_CLOSED, "closed");
        }
        received.add(command.clone());
        if (command.length < 4) {
            return sw(0x6700);
        }
        int cla = command[0] & 0xFF;
        int ins = command[1] & 0xFF;
        if (cla != 0x00 && cla != 0x80) {
            return sw(0x6E00);
        }
        switch (ins) {
            case 0xA4:
                return select(command);
            case 0xB0:
                return readBinary(command);
            case 0x20:
                return verify(command);
            case 0x2A:
                return sign(command);
            case 0xC0:
                return getResponse(command);
            default:
                return sw(0x6D00);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private byte[] select(byte[] c) {
        int p1 = c[2] & 0xFF;
        if (c.length < 5 || c.length != 5 + (c[4] & 0xFF)) {
            return sw(0x6700);
        }
        byte[] data = Arrays.copyOfRange(c, 5, c.length);
        if (p1 == 0x04) {
            String ap = key(data);
            if (!files.containsKey(ap)) {
                return sw(0x6A82);
            }
            if (!ap.equals(selectedAp)) {
                verified.clear();
            }
            selectedAp = ap;
            selectedEf = -1;
            return sw(0x9000);
        }
        if (p1 == 0x02 && data.length == 2 && selectedAp != null) {
            int ef = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
            if (!files.get(selectedAp).containsKey(ef)) {
                return sw(0x6A82);
            }
            selectedEf = ef;
            return sw(0x9000);
        }
        return sw(0x6A82);
    }

    private byte[] readBinary(byte[] c) {
        if (selectedAp == null || selectedEf < 0) {
            return sw(0x6986);
        }
        int offset = ((c[2] & 0x7F) << 8) | (c[3] & 0xFF);
        int le;
        if (c.length == 5) {
            le = (c[4] & 0xFF) == 0 ? 256 : c[4] & 0xFF;
        } else if (c.length == 7 && c[4] == 0) {
            switch (extendedReads) {
                case ANSWER_6700:
                    return sw(0x6700);
                case ANSWER_6D00:
                    return sw(0x6D00);
                case READER_ERROR:
                    throw new CardException(CardErrorCode.TRANSMISSION_FAILED, "SCARD_E_NOT_TRANSACTED");
                default:
                    break;
            }
            int ext = ((c[5] & 0xFF) << 8) | (c[6] & 0xFF);
            le = ext == 0 ? 65536 : ext;
        } else {
            return sw(0x6700);
        }
        byte[] file = files.get(selectedAp).get(selectedEf);
        if (offset > file.length || (offset == file.length && file.length > 0)) {
            return sw(0x6B00);
        }
        int n = Math.min(Math.min(le, maxAnswer), file.length - offset);
        byte[] data = Arrays.copyOfRange(file, offset, offset + n);
        int status = n < le && endOfFileWarning ? 0x6282 : 0x9000;
        return answer(data, status);
    }

    private byte[] verify(byte[] c) {
        Pin pin = selectedAp == null ? null : pins.get(selectedAp + "/" + HEX.toHexDigits((short) selectedEf));
        if (pin == null || (c[3] & 0xFF) != 0x80) {
            return sw(0x6A88);
        }
        if (c.length == 4) {
            if (verified.contains(selectedAp)) {
                return sw(0x9000);
            }
            return sw(0x63C0 | pin.triesLeft);
        }
        if (pin.triesLeft == 0) {
            return sw(pin.answerLockedWith6983 ? 0x6983 : 0x63C0);
        }
        byte[] given = Arrays.copyOfRange(c, 5, c.length);
        if (Arrays.equals(given, pin.digits)) {
            pin.triesLeft = pin.maxTries;
            verified.add(selectedAp);
            return sw(0x9000);
        }
        pin.triesLeft--;
        verified.remove(selectedAp);
        return sw(0x63C0 | pin.triesLeft);
    }

    private byte[] sign(byte[] c) {
        if ((c[0] & 0xFF) != 0x80 || selectedEf != CommandApdus.EF_AUTH_KEY) {
            return sw(0x6A88);
        }
        if (!verified.contains(selectedAp)) {
            return sw(0x6982);
        }
        if (fixedSignature != null) {
            return answer(fixedSignature.clone(), 0x9000);
        }
        int lc = c[4] & 0xFF;
        byte[] digestInfo = Arrays.copyOfRange(c, 5, 5 + lc);
        try {
            // RSA "encryption" with the private key and PKCS#1 padding is the card's signature.
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, authKey);
            return answer(rsa.doFinal(digestInfo), 0x9000);
        } catch (GeneralSecurityException e) {
            return sw(0x6F00);
        }
    }

    private byte[] answer(byte[] data, int status) {
        if (getResponsePiece > 0 && data.length > getResponsePiece) {
            pendingResponse = concat(data, new byte[] {(byte) (status >>> 8), (byte) status});
            return sw(0x6100 | getResponsePiece);
        }
        return concat(data, new byte[] {(byte) (status >>> 8), (byte) status});
    }

    private byte[] getResponse(byte[] c) {
        if (pendingResponse == null) {
            return sw(0x6985);
        }
        int want = (c[4] & 0xFF) == 0 ? 256 : c[4] & 0xFF;
        int dataLeft = pendingResponse.length - 2;
        int n = Math.min(want, dataLeft);
        byte[] chunk = Arrays.copyOf(pendingResponse, n);
        byte[] rest = Arrays.copyOfRange(pendingResponse, n, pendingResponse.length);
        if (rest.length == 2) {
            pendingResponse = null;
            return concat(chunk, rest);
        }
        pendingResponse = rest;
        int next = Math.min(getResponsePiece, rest.length - 2);
        return concat(chunk, new byte[] {0x61, (byte) next});
    }

    static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >>> 8), (byte) sw};
    }

    static String key(byte[] aid) {
        return HEX.formatHex(aid);
    }

    static byte[] padded(String text, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) ' ');
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, bytes, 0, ascii.length);
        return bytes;
    }

    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (tag > 0xFF) {
            out.write(tag >>> 8);
        }
        out.write(tag & 0xFF);
        if (value.length < 0x80) {
            out.write(value.length);
        } else if (value.length < 0x100) {
            out.write(0x81);
            out.write(value.length);
        } else {
            out.write(0x82);
            out.write(value.length >>> 8);
            out.write(value.length & 0xFF);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
