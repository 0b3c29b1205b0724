package jp.madoguchi.sim.card.applet;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.OwnerPIN;
import javacard.framework.Util;
import javacard.security.KeyBuilder;
import javacard.security.RSAPrivateCrtKey;
import javacardx.apdu.ExtendedLength;
import javacardx.crypto.Cipher;

/**
 * One application of the simulated My Number card: installed once as the JPKI AP and once as the
 * card-info AP (券面事項入力補助AP). Both speak the same ISO 7816-4 subset over a flat set of
 * elementary files; what an AP holds (its EFs, PINs and keys, and which PIN guards which file)
 * comes from its personalisation, not from code.
 *
 * <p>Written in Java Card style (byte arrays, short arithmetic, transient session state, no
 * strings or collections) so that it can be installed on a real Java Card 3.0.x as a physical
 * test card. Install parameters follow GlobalPlatform: {@code Li AID | Lc control | La data};
 * the application data is ignored.
 *
 * <h2>Operational commands</h2>
 *
 * <ul>
 *   <li>{@code 00 A4 04 0C Lc AID}: select this AP (P2 00 is accepted too; no FCI is returned).
 *       A SELECT of an AID this card does not hold reaches the selected AP and gets 6A82.
 *   <li>{@code 00 A4 02 0C 02 FID}: select an EF of this AP; 6A82 if absent, 6A86 for other
 *       P1/P2, 6700 if Lc is not 2.
 *   <li>{@code 00 B0 P1 P2 Le} (short, 00 = 256) or {@code 00 B0 P1 P2 00 Le-hi Le-lo} (extended,
 *       0000 = as many as the card sends, at most 32767): read the selected binary EF from offset
 *       {@code P1P2} (15 bits). Fewer bytes left than Le: the rest and 6282. Offset at or past the
 *       end: 6B00. No EF, or a PIN or key EF selected: 6986. File guarded by a PIN that was not
 *       verified in this session: 6982.
 *   <li>{@code 00 20 00 80 Lc PIN}: verify the selected PIN EF: 9000 (retry counter back to its
 *       maximum) or 63Cx (x = tries left; 63C0 when this try locked it); 6983 if already locked (no
 *       try used); 6700 if the length is outside the PIN's range (no try used). {@code 00 20 00
 *       80} without data: 63Cx, the tries left, without using one. The retry counter is
 *       persistent; the verified state ends with a card reset or when the AP is deselected.
 *   <li>{@code 80 2A 00 80 Lc DigestInfo 00}: RSA PKCS#1 v1.5 signature with the selected key EF
 *       (the card pads); 6982 unless the key's PIN was verified in this session; 6700 for empty
 *       or oversized input or an Le below the signature size.
 * </ul>
 *
 * Other instructions: 6D00; classes other than 00 and 80: 6E00.
 *
 * <h2>Personalisation commands</h2>
 *
 * Accepted only until {@link #INS_END_PERSONALISATION}; afterwards they do not exist (6D00). All
 * use class 80:
 *
 * <ul>
 *   <li>{@code 80 E0 00 00 08 FID(2) TYPE(1) ACCESS(2) A B C}: create and select an EF. TYPE
 *       {@link #TYPE_BINARY}: size {@code A<<8|B}; {@link #TYPE_PIN}: A = retry limit, B = minimum
 *       length, C = maximum length; {@link #TYPE_RSA_KEY}: key bits {@code A<<8|B} (2048).
 *       ACCESS: the FID of the PIN EF that guards reading (binary) or use (key), {@link
 *       #ACCESS_ALWAYS} or {@link #ACCESS_NEVER}. The PIN EF must exist first.
 *   <li>{@code 80 D6 off-hi off-lo Lc data}: write into the selected binary EF.
 *   <li>{@code 80 DA 00 comp Lc value}: set one CRT component of the selected key EF ({@link
 *       #KEY_P}, {@link #KEY_Q}, {@link #KEY_DP}, {@link #KEY_DQ}, {@link #KEY_PQ}).
 *   <li>{@code 80 24 00 00 Lc PIN}: set the value of the selected PIN EF.
 *   <li>{@code 80 EE 00 00}: end personalisation (6985 unless every PIN is set and every key
 *       complete).
 * </ul>
 */
public final class MyNumberApplet extends Applet implements ExtendedLength {
    /** EF type: transparent binary file. */
    public static final byte TYPE_BINARY = 1;
    /** EF type: PIN (retry counter and reference value). */
    public static final byte TYPE_PIN = 2;
    /** EF type: RSA private key (CRT form). */
    public static final byte TYPE_RSA_KEY = 3;

    /** Access condition: no PIN needed. */
    public static final short ACCESS_ALWAYS = 0x0000;
    /** Access condition: never readable or usable. */
    public static final short ACCESS_NEVER = (short) 0xFFFF;

    /** Personalisation: create EF. */
    public static final byte INS_CREATE_FILE = (byte) 0xE0;
    /** Personalisation: write binary. */
    public static final byte INS_WRITE_BINARY = (byte) 0xD6;
    /** Personalisation: put key component. */
    public static final byte INS_PUT_KEY = (byte) 0xDA;
    /** Personalisation: set PIN value. */
    public static final byte INS_SET_PIN = (byte) 0x24;
    /** Personalisation: end personalisation for good. */
    public static final byte INS_END_PERSONALISATION = (byte) 0xEE;

    /** Key component: prime P. */
    public static final byte KEY_P = 1;
    /** Key component: prime Q. */
    public static final byte KEY_Q = 2;
    /** Key component: d mod (P-1). */
    public static final byte KEY_DP = 3;
    /** Key component: d mod. */
    public static final byte KEY_DQ = 4;
    /** Key component: Q^-1 mod P. */
    public static final byte KEY_PQ = 5;

    private static final byte CLA_ISO = 0x00;
    private static final byte CLA_PROPRIETARY = (byte) 0x80;
    private static final byte INS_SELECT = (byte) 0xA4;
    private static final byte INS_READ_BINARY = (byte) 0xB0;
    private static final byte INS_VERIFY = 0x20;
    private static final byte INS_COMPUTE_SIGNATURE = 0x2A;

    private static final short SW_END_OF_FILE = 0x6282;
    private static final short SW_RETRIES_LEFT = 0x63C0;
    private static final short SW_PIN_BLOCKED = 0x6983;
    private static final short SW_REFERENCED_DATA_NOT_FOUND = 0x6A88;
    private static final short SW_FILE_EXISTS = 0x6A89;

    private static final byte MAX_FILES = 16;
    private static final byte MAX_PIN_LENGTH = 16;
    private static final short SIGNATURE_LENGTH = 256;
    /** PKCS#1 v1.5 type-1 padding needs 11 bytes of a 256-byte block. */
    private static final short MAX_SIGNATURE_INPUT = 245;

    private static final byte STATE_PERSONALISING = 1;
    private static final byte STATE_OPERATIONAL = 2;

    private static final byte FLAG_CONTENT_SET = 1;

    private final short[] fileIds = new short[MAX_FILES];
    private final byte[] fileTypes = new byte[MAX_FILES];
    private final short[] fileAccess = new short[MAX_FILES];
    private final byte[] pinMinLengths = new byte[MAX_FILES];
    private final byte[] pinMaxLengths = new byte[MAX_FILES];
    private final byte[] fileFlags = new byte[MAX_FILES];
    private final Object[] fileBodies = new Object[MAX_FILES];
    private byte fileCount;
    private byte lifeCycle = STATE_PERSONALISING;

    /** [0]: index + 1 of the selected EF, 0 for none. Cleared when the AP is deselected. */
    private final short[] session;

    private final byte[] signatureBuffer;
    private final Cipher rsa;
    /** A PIN value one byte longer than any PIN may be: a try that always fails. */
    private final byte[] impossiblePin = new byte[(short) (MAX_PIN_LENGTH + 1)];

    private MyNumberApplet() {
        session = JCSystem.makeTransientShortArray((short) 1, JCSystem.CLEAR_ON_DESELECT);
        signatureBuffer = JCSystem.makeTransientByteArray(SIGNATURE_LENGTH, JCSystem.CLEAR_ON_DESELECT);
        rsa = Cipher.getInstance(Cipher.ALG_RSA_PKCS1, false);
    }

    /** Java Card entry point: GlobalPlatform install parameters ({@code Li AID ...}). */
    public static void install(byte[] bArray, short bOffset, byte bLength) {
        new MyNumberApplet().register(bArray, (short) (bOffset + 1), bArray[bOffset]);
    }

    @Override
    public void deselect() {
        // The verified state belongs to one selection of the AP.
        for (byte i = 0; i < fileCount; i++) {
            if (fileTypes[i] == TYPE_PIN) {
                ((OwnerPIN) fileBodies[i]).reset();
            }
        }
    }

    @Override
    public void process(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        if (selectingApplet()) {
            byte p2 = buf[ISO7816.OFFSET_P2];
            if (p2 != 0x0C && p2 != 0x00) {
                ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
            }
            return;
        }
        byte cla = buf[ISO7816.OFFSET_CLA];
        byte ins = buf[ISO7816.OFFSET_INS];
        if (cla == CLA_ISO) {
            switch (ins) {
                case INS_SELECT:
                    selectFile(apdu, buf);
                    return;
                case INS_READ_BINARY:
                    readBinary(apdu, buf);
                    return;
                case INS_VERIFY:
                    verify(apdu, buf);
                    return;
                default:
                    ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
            }
        }
        if (cla == CLA_PROPRIETARY) {
            if (ins == INS_COMPUTE_SIGNATURE) {
                computeSignature(apdu, buf);
                return;
            }
            if (lifeCycle == STATE_PERSONALISING) {
                personalise(apdu, buf, ins);
                return;
            }
            ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
        }
        ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
    }

    // ---- operational commands ----

    private void selectFile(APDU apdu, byte[] buf) {
        byte p1 = buf[ISO7816.OFFSET_P1];
        if (p1 == 0x04) {
            // The runtime selects AIDs it holds; a DF name that reaches us is not on this card.
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        if (p1 != 0x02 || buf[ISO7816.OFFSET_P2] != 0x0C) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = receiveAll(apdu);
        if (length != 2) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        short index = indexOf(Util.getShort(buf, apdu.getOffsetCdata()));
        if (index < 0) {
            ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
        }
        session[0] = (short) (index + 1);
    }

    private void readBinary(APDU apdu, byte[] buf) {
        if ((buf[ISO7816.OFFSET_P1] & 0x80) != 0) {
            // Short EF identifiers are not supported.
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short offset = Util.getShort(buf, ISO7816.OFFSET_P1);
        short index = selected(TYPE_BINARY);
        requireAccess(fileAccess[index]);
        byte[] body = (byte[]) fileBodies[index];
        short expected = apdu.setOutgoing();
        if (expected <= 0) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (offset >= (short) body.length) {
            ISOException.throwIt(ISO7816.SW_WRONG_P1P2);
        }
        short left = (short) (body.length - offset);
        short count = expected < left ? expected : left;
        apdu.setOutgoingLength(count);
        apdu.sendBytesLong(body, offset, count);
        if (count < expected) {
            ISOException.throwIt(SW_END_OF_FILE);
        }
    }

    private void verify(APDU apdu, byte[] buf) {
        if (buf[ISO7816.OFFSET_P1] != 0x00 || buf[ISO7816.OFFSET_P2] != (byte) 0x80) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short index = selected(TYPE_PIN);
        OwnerPIN pin = (OwnerPIN) fileBodies[index];
        short length = receiveAll(apdu);
        if (length == 0) {
            ISOException.throwIt((short) (SW_RETRIES_LEFT | pin.getTriesRemaining()));
        }
        short offset = apdu.getOffsetCdata();
        if (length < pinMinLengths[index] || length > pinMaxLengths[index]) {
            Util.arrayFillNonAtomic(buf, offset, length, (byte) 0);
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (pin.getTriesRemaining() == 0) {
            Util.arrayFillNonAtomic(buf, offset, length, (byte) 0);
            ISOException.throwIt(SW_PIN_BLOCKED);
        }
        boolean valid = pin.check(buf, offset, (byte) length);
        Util.arrayFillNonAtomic(buf, offset, length, (byte) 0);
        if (!valid) {
            ISOException.throwIt((short) (SW_RETRIES_LEFT | pin.getTriesRemaining()));
        }
    }

    private void computeSignature(APDU apdu, byte[] buf) {
        if (buf[ISO7816.OFFSET_P1] != 0x00 || buf[ISO7816.OFFSET_P2] != (byte) 0x80) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short index = selected(TYPE_RSA_KEY);
        requireAccess(fileAccess[index]);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) fileBodies[index];
        if (!key.isInitialized()) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        short length = receiveAll(apdu);
        if (length == 0 || length > MAX_SIGNATURE_INPUT) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        // The data offset is only available before the APDU turns outgoing.
        short data = apdu.getOffsetCdata();
        short expected = apdu.setOutgoing();
        // Le absent (0) is tolerated: over T=1 the card may still answer with data.
        if (expected > 0 && expected < SIGNATURE_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        rsa.init(key, Cipher.MODE_ENCRYPT);
        short signed = rsa.doFinal(buf, data, length, signatureBuffer, (short) 0);
        apdu.setOutgoingLength(signed);
        apdu.sendBytesLong(signatureBuffer, (short) 0, signed);
        Util.arrayFillNonAtomic(signatureBuffer, (short) 0, signed, (byte) 0);
    }

    // ---- personalisation ----

    private void personalise(APDU apdu, byte[] buf, byte ins) {
        switch (ins) {
            case INS_CREATE_FILE:
                createFile(apdu, buf);
                return;
            case INS_WRITE_BINARY:
                writeBinary(apdu, buf);
                return;
            case INS_PUT_KEY:
                putKeyComponent(apdu, buf);
                return;
            case INS_SET_PIN:
                setPin(apdu, buf);
                return;
            case INS_END_PERSONALISATION:
                endPersonalisation();
                return;
            default:
                ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
        }
    }

    private void createFile(APDU apdu, byte[] buf) {
        if (receiveAll(apdu) != 8) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        short data = apdu.getOffsetCdata();
        short fid = Util.getShort(buf, data);
        byte type = buf[(short) (data + 2)];
        short access = Util.getShort(buf, (short) (data + 3));
        byte a = buf[(short) (data + 5)];
        byte b = buf[(short) (data + 6)];
        byte c = buf[(short) (data + 7)];
        if (fileCount >= MAX_FILES) {
            ISOException.throwIt(ISO7816.SW_FILE_FULL);
        }
        if (fid == ACCESS_ALWAYS || fid == ACCESS_NEVER || indexOf(fid) >= 0) {
            ISOException.throwIt(SW_FILE_EXISTS);
        }
        if (access != ACCESS_ALWAYS && access != ACCESS_NEVER) {
            short guard = indexOf(access);
            if (guard < 0 || fileTypes[guard] != TYPE_PIN) {
                ISOException.throwIt(SW_REFERENCED_DATA_NOT_FOUND);
            }
        }
        Object body = null;
        if (type == TYPE_BINARY) {
            short size = Util.makeShort(a, b);
            if (size <= 0) {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
            body = new byte[size];
        } else if (type == TYPE_PIN) {
            if (a <= 0 || a > 15 || b <= 0 || c < b || c > MAX_PIN_LENGTH) {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
            body = new OwnerPIN(a, c);
            pinMinLengths[fileCount] = b;
            pinMaxLengths[fileCount] = c;
        } else if (type == TYPE_RSA_KEY) {
            if (Util.makeShort(a, b) != KeyBuilder.LENGTH_RSA_2048) {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
            body = KeyBuilder.buildKey(KeyBuilder.TYPE_RSA_CRT_PRIVATE, KeyBuilder.LENGTH_RSA_2048, false);
        } else {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        fileIds[fileCount] = fid;
        fileTypes[fileCount] = type;
        fileAccess[fileCount] = access;
        fileBodies[fileCount] = body;
        fileCount++;
        session[0] = fileCount;
    }

    private void writeBinary(APDU apdu, byte[] buf) {
        short index = selected(TYPE_BINARY);
        byte[] body = (byte[]) fileBodies[index];
        short offset = Util.getShort(buf, ISO7816.OFFSET_P1);
        short received = apdu.setIncomingAndReceive();
        short total = apdu.getIncomingLength();
        short data = apdu.getOffsetCdata();
        if (offset < 0 || offset >= (short) body.length) {
            ISOException.throwIt(ISO7816.SW_WRONG_P1P2);
        }
        if (total > (short) (body.length - offset)) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        short at = offset;
        short end = (short) (offset + total);
        while (received > 0 && at < end) {
            Util.arrayCopy(buf, data, body, at, received);
            at += received;
            if (at < end) {
                received = apdu.receiveBytes(data);
            }
        }
        fileFlags[index] = FLAG_CONTENT_SET;
    }

    private void putKeyComponent(APDU apdu, byte[] buf) {
        short index = selected(TYPE_RSA_KEY);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) fileBodies[index];
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        switch (buf[ISO7816.OFFSET_P2]) {
            case KEY_P:
                key.setP(buf, data, length);
                break;
            case KEY_Q:
                key.setQ(buf, data, length);
                break;
            case KEY_DP:
                key.setDP1(buf, data, length);
                break;
            case KEY_DQ:
                key.setDQ1(buf, data, length);
                break;
            case KEY_PQ:
                key.setPQ(buf, data, length);
                break;
            default:
                ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        Util.arrayFillNonAtomic(buf, data, length, (byte) 0);
    }

    private void setPin(APDU apdu, byte[] buf) {
        short index = selected(TYPE_PIN);
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        if (length < pinMinLengths[index] || length > pinMaxLengths[index]) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        ((OwnerPIN) fileBodies[index]).update(buf, data, (byte) length);
        Util.arrayFillNonAtomic(buf, data, length, (byte) 0);
        fileFlags[index] = FLAG_CONTENT_SET;
    }

    private void endPersonalisation() {
        for (byte i = 0; i < fileCount; i++) {
            if (fileTypes[i] == TYPE_PIN && fileFlags[i] != FLAG_CONTENT_SET) {
                ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
            }
            if (fileTypes[i] == TYPE_RSA_KEY && !((RSAPrivateCrtKey) fileBodies[i]).isInitialized()) {
                ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
            }
        }
        lifeCycle = STATE_OPERATIONAL;
    }

    // ---- simulator hooks (plain Java calls from the simulator; no APDU reaches them) ----

    /**
     * Tries left of the PIN EF {@code fid}, or -1 if this AP has no such PIN. Used by the
     * simulator's scripting; on a real card nothing calls it.
     */
    public byte triesLeft(short fid) {
        short index = indexOf(fid);
        if (index < 0 || fileTypes[index] != TYPE_PIN) {
            return -1;
        }
        return ((OwnerPIN) fileBodies[index]).getTriesRemaining();
    }

    /**
     * Sets the retry counter of the PIN EF {@code fid} to {@code tries} (0 locks it) the way the
     * card itself would get there: unblock to the limit, then fail with a value of impossible
     * length. The PIN's verified state ends. Returns false if there is no such PIN or {@code
     * tries} is above its limit. Used by the simulator's scripting; on a real card nothing calls
     * it.
     */
    public boolean adjustTriesLeft(short fid, byte tries) {
        short index = indexOf(fid);
        if (index < 0 || fileTypes[index] != TYPE_PIN || tries < 0) {
            return false;
        }
        OwnerPIN pin = (OwnerPIN) fileBodies[index];
        pin.resetAndUnblock();
        if (tries > pin.getTriesRemaining()) {
            return false;
        }
        short length = (short) (pinMaxLengths[index] + 1);
        while (pin.getTriesRemaining() > tries) {
            pin.check(impossiblePin, (short) 0, (byte) length);
        }
        return true;
    }

    // ---- helpers ----

    /** Reads the whole command data into the APDU buffer; returns its length (0 if none). */
    private static short receiveAll(APDU apdu) {
        short received = apdu.setIncomingAndReceive();
        short total = apdu.getIncomingLength();
        short data = apdu.getOffsetCdata();
        while (received < total) {
            short more = apdu.receiveBytes((short) (data + received));
            if (more <= 0) {
                break;
            }
            received += more;
        }
        return received;
    }

    private short selected(byte type) {
        short index = (short) (session[0] - 1);
        if (index < 0 || fileTypes[index] != type) {
            ISOException.throwIt(ISO7816.SW_COMMAND_NOT_ALLOWED);
        }
        return index;
    }

    private void requireAccess(short pinFid) {
        if (pinFid == ACCESS_ALWAYS) {
            return;
        }
        if (pinFid == ACCESS_NEVER) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        short guard = indexOf(pinFid);
        if (guard < 0 || !((OwnerPIN) fileBodies[guard]).isValidated()) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
    }

    private short indexOf(short fid) {
        for (byte i = 0; i < fileCount; i++) {
            if (fileIds[i] == fid) {
                return i;
            }
        }
        return -1;
    }
}
