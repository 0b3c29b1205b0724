package jp.madoguchi.card.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import jp.madoguchi.card.BasicAttributes;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.CardKind;
import jp.madoguchi.card.JpkiCard;

/**
 * The JPKI and card-info AP logic of one card session over an {@link ApduChannel}. Remembers what
 * is selected (to skip repeated SELECTs), whether extended-length reads work, and what it learnt
 * about each PIN, so that a locked PIN is never sent again.
 */
public final class JpkiSession implements JpkiCard {
    /** Token info of a My Number card; the Juki card's JPKI AP says "JPKIAPICCTOKEN" (no 2). */
    private static final byte[] MY_NUMBER_TOKEN = "JPKIAPICCTOKEN2".getBytes(StandardCharsets.US_ASCII);

    private static final int TOKEN_INFO_LENGTH = 32;
    private static final int MAX_CERTIFICATE_LENGTH = 16 * 1024;
    private static final int SIGNATURE_LENGTH = 256;
    private static final int NO_EF = -1;

    private final String readerName;
    private final byte[] atr;
    private final ApduChannel channel;
    private final ApduExchange exchange;
    private final BinaryFileReader files;
    private final PinState authPin = new PinState("user-authentication PIN");
    private final PinState cardInfoPin = new PinState("card-info PIN");

    private byte[] selectedApplication;
    private int selectedFile = NO_EF;
    private CardKind kind;
    private volatile boolean closed;

    /**
     * @param shortReadsOnly read files in 256-byte chunks without trying extended length (for
     *     readers known to mishandle extended APDUs, and for the naive benchmark)
     */
    public JpkiSession(String readerName, byte[] atr, ApduChannel channel, boolean shortReadsOnly) {
        this.readerName = readerName;
        this.atr = atr.clone();
        this.channel = channel;
        this.exchange = new ApduExchange(channel);
        this.files = new BinaryFileReader(exchange, shortReadsOnly);
    }

    @Override
    public String readerName() {
        return readerName;
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public synchronized CardKind kind() {
        checkOpen();
        if (kind == null) {
            kind = recognise();
        }
        return kind;
    }

    private CardKind recognise() {
        forgetSelection();
        ResponseApdu selected = exchange.send(CommandApdus.selectApplication(CommandApdus.JPKI_AID));
        if (!selected.isSuccess()) {
            return CardKind.OTHER;
        }
        selectedApplication = CommandApdus.JPKI_AID;
        selectedFile = NO_EF;
        ResponseApdu efSelected = exchange.send(CommandApdus.selectFile(CommandApdus.EF_TOKEN_INFO));
        if (!efSelected.isSuccess()) {
            return CardKind.OTHER;
        }
        selectedFile = CommandApdus.EF_TOKEN_INFO;
        ResponseApdu token = exchange.send(CommandApdus.readBinaryShort(0, TOKEN_INFO_LENGTH));
        if (token.sw1() == 0x6C && token.sw2() != 0) {
            token = exchange.send(CommandApdus.readBinaryShort(0, token.sw2()));
        }
        boolean read = token.sw() == StatusWords.OK || token.sw() == StatusWords.END_OF_FILE;
        return read && startsWith(token.data(), MY_NUMBER_TOKEN) ? CardKind.MY_NUMBER_CARD : CardKind.OTHER;
    }

    @Override
    public synchronized X509Certificate readAuthCertificate() {
        return readCertificate(CommandApdus.EF_AUTH_CERTIFICATE, "user-authentication certificate");
    }

    @Override
    public synchronized X509Certificate readAuthCaCertificate() {
        return readCertificate(CommandApdus.EF_AUTH_CA_CERTIFICATE, "user-authentication CA certificate");
    }

    private X509Certificate readCertificate(int fileId, String what) {
        requireMyNumberCard();
        selectApplication(CommandApdus.JPKI_AID, "JPKI AP");
        selectFile(fileId, what);
        byte[] der = files.readObject(new TlvHeader(new byte[] {0x30}, MAX_CERTIFICATE_LENGTH, what));
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            // The JDK's parser may fail with runtime exceptions on hostile DER; none may leak.
            throw new CardException(
                    CardErrorCode.MALFORMED_RESPONSE,
                    "the " + what + " on the card is not a valid X.509 certificate; try another card",
                    e);
        }
    }

    @Override
    public synchronized int authPinTriesLeft() {
        requireMyNumberCard();
        if (authPin.isLocked()) {
            return 0;
        }
        selectApplication(CommandApdus.JPKI_AID, "JPKI AP");
        selectFile(CommandApdus.EF_AUTH_PIN, "user-authentication PIN");
        return queryTries(authPin);
    }

    @Override
    public synchronized void verifyAuthPin(char[] pin) {
        byte[] digits = PinDigits.toAscii(pin);
        try {
            requireMyNumberCard();
            refuseLocked(authPin);
            selectApplication(CommandApdus.JPKI_AID, "JPKI AP");
            selectFile(CommandApdus.EF_AUTH_PIN, "user-authentication PIN");
            verify(authPin, digits);
        } finally {
            Arrays.fill(digits, (byte) 0);
        }
    }

    @Override
    public synchronized byte[] signWithAuthKey(byte[] sha256Digest) {
        byte[] digestInfo = Sha256DigestInfo.of(sha256Digest);
        requireMyNumberCard();
        selectApplication(CommandApdus.JPKI_AID, "JPKI AP");
        selectFile(CommandApdus.EF_AUTH_KEY, "user-authentication key");
        ResponseApdu response = exchange.send(CommandApdus.computeDigitalSignature(digestInfo));
        if (response.sw() == StatusWords.AUTHENTICATION_BLOCKED
                || response.sw() == StatusWords.REFERENCE_DATA_INVALIDATED) {
            authPin.reported(0);
            throw CardException.pinLocked(authPin.name());
        }
        if (!response.isSuccess()) {
            throw StatusWords.toException(response.sw(), "COMPUTE DIGITAL SIGNATURE");
        }
        if (response.data().length != SIGNATURE_LENGTH) {
            throw new CardException(
                    CardErrorCode.MALFORMED_RESPONSE,
                    "the card returned a signature of " + response.data().length + " bytes instead of "
                            + SIGNATURE_LENGTH + "; try another card");
        }
        return response.data();
    }

    @Override
    public synchronized BasicAttributes readBasicAttributes(char[] pin) {
        byte[] digits = PinDigits.toAscii(pin);
        try {
            requireMyNumberCard();
            refuseLocked(cardInfoPin);
            selectApplication(CommandApdus.CARD_INFO_AID, "card-info AP");
            selectFile(CommandApdus.EF_CARD_INFO_PIN, "card-info PIN");
            verify(cardInfoPin, digits);
        } finally {
            Arrays.fill(digits, (byte) 0);
        }
        selectFile(CommandApdus.EF_CARD_INFO_ATTRIBUTES, "basic attributes file");
        byte[] file = files.readObject(BasicAttributesCodec.header());
        try {
            return BasicAttributesCodec.decode(file);
        } finally {
            Arrays.fill(file, (byte) 0);
        }
    }

    @Override
    public synchronized long apduCount() {
        return exchange.count();
    }

    @Override
    public void close() {
        closed = true;
        channel.close();
    }

    private void checkOpen() {
        if (closed) {
            throw new CardException(CardErrorCode.SESSION_CLOSED, "this card session is closed; open a new one");
        }
    }

    private void requireMyNumberCard() {
        if (kind() != CardKind.MY_NUMBER_CARD) {
            throw new CardException(
                    CardErrorCode.NOT_A_MY_NUMBER_CARD,
                    "the card in reader '" + readerName + "' is not a My Number card; insert a My Number card");
        }
    }

    /** Asks the tries left with an empty VERIFY on the selected PIN EF; uses no try. */
    private int queryTries(PinState pin) {
        if (pin.isLocked()) {
            return 0;
        }
        ResponseApdu response = exchange.send(CommandApdus.verifyStatus());
        int sw = response.sw();
        if (sw == StatusWords.OK) {
            // Already verified in this session: a correct entry resets the counter.
            pin.reported(AUTH_PIN_MAX_TRIES);
        } else if ((sw & 0xFFF0) == 0x63C0) {
            pin.reported(sw & 0x0F);
        } else if (sw == StatusWords.AUTHENTICATION_BLOCKED || sw == StatusWords.REFERENCE_DATA_INVALIDATED) {
            pin.reported(0);
        } else {
            throw StatusWords.toException(sw, "VERIFY (tries left)");
        }
        return pin.triesLeft();
    }

    private void refuseLocked(PinState pin) {
        if (pin.isLocked()) {
            throw CardException.pinLocked(pin.name());
        }
    }

    /** VERIFY on the selected PIN EF; learns the tries first if unknown so a locked PIN is never sent. */
    private void verify(PinState pin, byte[] digits) {
        if (!pin.isKnown() && queryTries(pin) == 0) {
            throw CardException.pinLocked(pin.name());
        }
        byte[] command = CommandApdus.verify(digits);
        ResponseApdu response;
        try {
            response = exchange.send(command);
        } finally {
            Arrays.fill(command, (byte) 0);
        }
        int sw = response.sw();
        if (sw == StatusWords.OK) {
            pin.reported(AUTH_PIN_MAX_TRIES);
            return;
        }
        if ((sw & 0xFFF0) == 0x63C0) {
            int tries = sw & 0x0F;
            pin.reported(tries);
            throw tries == 0 ? CardException.pinLocked(pin.name()) : CardException.wrongPin(tries);
        }
        if (sw == StatusWords.AUTHENTICATION_BLOCKED || sw == StatusWords.REFERENCE_DATA_INVALIDATED) {
            pin.reported(0);
            throw CardException.pinLocked(pin.name());
        }
        throw StatusWords.toException(sw, "VERIFY");
    }

    private void selectApplication(byte[] aid, String what) {
        checkOpen();
        if (selectedApplication == aid) {
            return;
        }
        // Forget first: after an answer we cannot read, what the card has selected is unknown.
        forgetSelection();
        ResponseApdu response = exchange.send(CommandApdus.selectApplication(aid));
        if (!response.isSuccess()) {
            if (response.sw() == StatusWords.FILE_NOT_FOUND) {
                throw new CardException(CardErrorCode.FILE_NOT_FOUND, "the card has no " + what + " (status 6A82)");
            }
            throw StatusWords.toException(response.sw(), "SELECT " + what);
        }
        selectedApplication = aid;
        selectedFile = NO_EF;
    }

    private void selectFile(int fileId, String what) {
        if (selectedFile == fileId) {
            return;
        }
        selectedFile = NO_EF;
        ResponseApdu response = exchange.send(CommandApdus.selectFile(fileId));
        if (!response.isSuccess()) {
            if (response.sw() == StatusWords.FILE_NOT_FOUND) {
                throw new CardException(
                        CardErrorCode.FILE_NOT_FOUND,
                        "the card has no " + what + String.format(" (EF %04X, status 6A82)", fileId));
            }
            throw StatusWords.toException(response.sw(), "SELECT " + what);
        }
        selectedFile = fileId;
    }

    private void forgetSelection() {
        selectedApplication = null;
        selectedFile = NO_EF;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
