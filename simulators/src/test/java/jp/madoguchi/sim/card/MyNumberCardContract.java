package jp.madoguchi.sim.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

/**
 * The APDU contract of the simulated My Number card, as the card driver codes against it. Runs
 * once per adapter (in-process and through pcscd + vpcd): both must behave the same. Every test
 * starts with a freshly issued card of {@link TestCards#resident()} in the adapter's reader.
 */
public abstract class MyNumberCardContract {
    protected static final HexFormat HEX = HexFormat.of();
    protected static final String SELECT_JPKI = "00A4040C0AD392F000260100000001";
    protected static final String SELECT_CARD_INFO = "00A4040C0AD3921000310001010408";

    /** The card now in the reader. */
    protected SimulatedCard card;

    /** Puts {@code card} into the adapter's reader and connects to it. */
    protected abstract void insertAndConnect(SimulatedCard card) throws Exception;

    /** The basic channel of the current connection. */
    protected abstract CardChannel channel();

    /** Disconnects with reset and connects again: a new card session. */
    protected abstract void resetAndReconnect() throws Exception;

    protected void start() throws Exception {
        card = TestCards.card();
        insertAndConnect(card);
    }

    protected ResponseAPDU send(String hex) throws Exception {
        return channel().transmit(new CommandAPDU(HEX.parseHex(hex)));
    }

    protected ResponseAPDU send(byte[] apdu) throws Exception {
        return channel().transmit(new CommandAPDU(apdu));
    }

    protected static String sw(ResponseAPDU response) {
        return String.format("%04X", response.getSW());
    }

    protected void selectEf(String fid) throws Exception {
        assertThat(sw(send("00A4020C02" + fid))).isEqualTo("9000");
    }

    protected static String pin(String digits) {
        return String.format("%02X", digits.length()) + HEX.formatHex(digits.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    public void answersToResetWithTheMyNumberContactAtr() throws Exception {
        start();
        assertThat(HEX.formatHex(channel().getCard().getATR().getBytes()))
                .isEqualToIgnoringCase("3BC5FF8131FB458073C6010000");
        assertThat(channel().getCard().getProtocol()).isEqualTo("T=1");
    }

    @Test
    public void tokenInfoNamesTheCardAMyNumberCard() throws Exception {
        start();
        assertThat(sw(send(SELECT_JPKI))).isEqualTo("9000");
        selectEf("0006");
        ResponseAPDU info = send("00B0000020");
        assertThat(sw(info)).isEqualTo("9000");
        assertThat(new String(info.getData(), StandardCharsets.US_ASCII)).isEqualTo("JPKIAPICCTOKEN2" + " ".repeat(17));
    }

    @Test
    public void shortReadsReturnTheCertificateAndEndWith6282AndThen6B00() throws Exception {
        start();
        send(SELECT_JPKI);
        selectEf("000A");
        byte[] expected = card.authCertificate().getEncoded();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        ResponseAPDU chunk;
        do {
            int offset = read.size();
            chunk = send(String.format("00B0%04X00", offset));
            read.writeBytes(chunk.getData());
        } while (chunk.getSW() == 0x9000);
        assertThat(sw(chunk)).isEqualTo("6282");
        assertThat(read.toByteArray()).isEqualTo(expected);
        assertThat(sw(send(String.format("00B0%04X00", expected.length)))).isEqualTo("6B00");
        assertThat(sw(send(String.format("00B0%04X01", expected.length + 10)))).isEqualTo("6B00");
    }

    @Test
    public void extendedReadReturnsTheWholeFileInOneApdu() throws Exception {
        start();
        send(SELECT_JPKI);
        selectEf("000A");
        byte[] expected = card.authCertificate().getEncoded();

        ResponseAPDU all = send("00B00000000000");
        assertThat(sw(all)).isEqualTo("6282");
        assertThat(all.getData()).isEqualTo(expected);

        ResponseAPDU exact = send(String.format("00B0000000%04X", expected.length));
        assertThat(sw(exact)).isEqualTo("9000");
        assertThat(exact.getData()).isEqualTo(expected);

        ResponseAPDU tail = send(String.format("00B0%04X000100", expected.length - 4));
        assertThat(sw(tail)).isEqualTo("6282");
        assertThat(tail.getData()).isEqualTo(Arrays.copyOfRange(expected, expected.length - 4, expected.length));
    }

    @Test
    public void readingNeedsABinaryEf() throws Exception {
        start();
        send(SELECT_JPKI);
        assertThat(sw(send("00B0000004"))).as("no EF selected").isEqualTo("6986");
        selectEf("0017");
        assertThat(sw(send("00B0000004"))).as("key EF").isEqualTo("6986");
        selectEf("0018");
        assertThat(sw(send("00B0000004"))).as("PIN EF").isEqualTo("6986");
        selectEf("000B");
        assertThat(sw(send("00B0800004"))).as("short EF id in P1").isEqualTo("6A86");
    }

    @Test
    public void selectAnswersIsoStatusWords() throws Exception {
        start();
        assertThat(sw(send("00A4040C07A0000000030000")))
                .as("foreign AID, nothing selected")
                .isEqualTo("6A82");
        assertThat(sw(send(SELECT_JPKI))).isEqualTo("9000");
        assertThat(sw(send("00A4040C07A0000000030000")))
                .as("foreign AID, JPKI selected")
                .isEqualTo("6A82");
        assertThat(sw(send("00A4020C020099"))).as("absent EF").isEqualTo("6A82");
        assertThat(sw(send("00A4020402000A"))).as("P2 asks for FCP").isEqualTo("6A86");
        assertThat(sw(send("00A4010C02000A"))).as("P1 01").isEqualTo("6A86");
        assertThat(sw(send("00A4020C03000A00"))).as("Lc 3").isEqualTo("6700");
        // the failed selections left JPKI selected
        selectEf("0006");
        assertThat(sw(send("00B0000001"))).isEqualTo("9000");
    }

    @Test
    public void unknownInstructionsAndClassesGet6D00And6E00() throws Exception {
        start();
        assertThat(sw(send("00CA010000"))).as("GET DATA before select").isEqualTo("6D00");
        assertThat(sw(send("FFCA000000"))).as("reader pseudo-APDU class").isEqualTo("6E00");
        send(SELECT_JPKI);
        assertThat(sw(send("0084000008"))).as("GET CHALLENGE").isEqualTo("6D00");
        assertThat(sw(send("80CA9F7F00"))).as("proprietary GET DATA").isEqualTo("6D00");
        assertThat(sw(send("B0B0000004"))).as("class B0").isEqualTo("6E00");
        assertThat(sw(send("0C20008000"))).as("secure messaging class").isEqualTo("6E00");
        assertThat(sw(send("80E00000080099010000000100")))
                .as("personalisation is over")
                .isEqualTo("6D00");
        assertThat(sw(send("80EE0000"))).as("personalisation is over").isEqualTo("6D00");
    }

    @Test
    public void emptyVerifyReportsTriesLeftWithoutUsingOne() throws Exception {
        start();
        send(SELECT_JPKI);
        selectEf("0018");
        assertThat(sw(send("00200080"))).isEqualTo("63C3");
        assertThat(sw(send("00200080"))).isEqualTo("63C3");
        selectEf("001B");
        assertThat(sw(send("00200080"))).as("signing password: 5 tries").isEqualTo("63C5");
    }

    @Test
    public void threeWrongPinsLockTheAuthPin() throws Exception {
        start();
        send(SELECT_JPKI);
        selectEf("0018");
        assertThat(sw(send("00200080" + pin("0000")))).isEqualTo("63C2");
        assertThat(sw(send("00200080" + pin("1111")))).isEqualTo("63C1");
        assertThat(sw(send("00200080" + pin("2222")))).isEqualTo("63C0");
        assertThat(sw(send("00200080" + pin("1234"))))
                .as("right PIN on a locked card")
                .isEqualTo("6983");
        assertThat(sw(send("00200080"))).isEqualTo("63C0");
        assertThat(card.triesLeft(CardPin.AUTH_PIN)).isZero();
    }

    @Test
    public void rightPinResetsTheCounterAndWrongLengthUsesNoTry() throws Exception {
        start();
        send(SELECT_JPKI);
        selectEf("0018");
        assertThat(sw(send("00200080" + pin("9999")))).isEqualTo("63C2");
        assertThat(sw(send("00200080" + pin("12345")))).as("5 digits").isEqualTo("6700");
        assertThat(sw(send("00200080" + pin("123")))).as("3 digits").isEqualTo("6700");
        assertThat(sw(send("00200080"))).isEqualTo("63C2");
        assertThat(sw(send("00200080" + pin("1234")))).isEqualTo("9000");
        assertThat(sw(send("00200080"))).isEqualTo("63C3");
        assertThat(sw(send("00200081" + pin("1234")))).as("P2 81").isEqualTo("6A86");
    }

    @Test
    public void retryCounterSurvivesACardReset() throws Exception {
        start();
        send(SELECT_JPKI);
        selectEf("0018");
        assertThat(sw(send("00200080" + pin("0000")))).isEqualTo("63C2");
        resetAndReconnect();
        send(SELECT_JPKI);
        selectEf("0018");
        assertThat(sw(send("00200080"))).isEqualTo("63C2");
    }

    @Test
    public void signatureNeedsTheAuthPinOfThisSession() throws Exception {
        start();
        byte[] digestInfo = digestInfo("challenge".getBytes(StandardCharsets.US_ASCII));
        send(SELECT_JPKI);
        selectEf("0017");
        assertThat(sw(send(signCommand(digestInfo)))).isEqualTo("6982");

        selectEf("0018");
        assertThat(sw(send("00200080" + pin("1234")))).isEqualTo("9000");
        resetAndReconnect();
        send(SELECT_JPKI);
        selectEf("0017");
        assertThat(sw(send(signCommand(digestInfo)))).as("after a reset").isEqualTo("6982");

        selectEf("0018");
        send("00200080" + pin("1234"));
        assertThat(sw(send(SELECT_CARD_INFO))).isEqualTo("9000");
        send(SELECT_JPKI);
        selectEf("0017");
        assertThat(sw(send(signCommand(digestInfo))))
                .as("after the AP was deselected")
                .isEqualTo("6982");
    }

    @Test
    public void authSignatureVerifiesWithTheCertificateKey() throws Exception {
        start();
        byte[] data = "nonce-1234|kiosk-7".getBytes(StandardCharsets.US_ASCII);
        send(SELECT_JPKI);
        selectEf("0018");
        assertThat(sw(send("00200080" + pin("1234")))).isEqualTo("9000");
        selectEf("0017");
        ResponseAPDU signed = send(signCommand(digestInfo(data)));
        assertThat(sw(signed)).isEqualTo("9000");
        assertThat(signed.getData()).hasSize(256);
        assertThat(verifies(card.authCertificate(), data, signed.getData())).isTrue();
        assertThat(verifies(card.authCertificate(), "other".getBytes(StandardCharsets.US_ASCII), signed.getData()))
                .isFalse();
    }

    @Test
    public void signingCertificateAndKeyNeedTheSigningPassword() throws Exception {
        start();
        send(SELECT_JPKI);
        selectEf("0001");
        assertThat(sw(send("00B0000004"))).isEqualTo("6982");
        selectEf("001B");
        assertThat(sw(send("00200080" + pin("ABC124")))).isEqualTo("63C4");
        assertThat(sw(send("00200080" + pin("ABC123")))).isEqualTo("9000");
        selectEf("0001");
        ResponseAPDU certificate = send("00B00000000000");
        assertThat(certificate.getData()).isEqualTo(card.signingCertificate().getEncoded());
        byte[] data = "document".getBytes(StandardCharsets.US_ASCII);
        selectEf("001A");
        ResponseAPDU signed = send(signCommand(digestInfo(data)));
        assertThat(sw(signed)).isEqualTo("9000");
        assertThat(verifies(card.signingCertificate(), data, signed.getData())).isTrue();
    }

    @Test
    public void signatureRejectsBadInput() throws Exception {
        start();
        send(SELECT_JPKI);
        selectEf("0018");
        send("00200080" + pin("1234"));
        assertThat(sw(send("802A00801000112233445566778899AABBCCDDEEFF00")))
                .as("no key selected")
                .isEqualTo("6986");
        selectEf("0017");
        assertThat(sw(send("802A0081" + "01AA00"))).as("P2 81").isEqualTo("6A86");
        byte[] tooLong = new byte[246];
        assertThat(sw(send(signCommand(tooLong)))).as("246 bytes").isEqualTo("6700");
        assertThat(sw(send("802A008001AA80"))).as("Le 128").isEqualTo("6700");
        assertThat(sw(send("002A008001AA00"))).as("ISO class").isEqualTo("6D00");
    }

    @Test
    public void malformedLengthsGet6700() throws Exception {
        start();
        send(SELECT_JPKI);
        ByteBuffer response = ByteBuffer.allocate(300);
        int length = channel().transmit(ByteBuffer.wrap(HEX.parseHex("00A4020C05000A")), response);
        assertThat(HEX.formatHex(response.array(), 0, length)).isEqualTo("6700");
    }

    @Test
    public void cardInfoApNeedsItsPinAndHoldsMyNumberAndAttributes() throws Exception {
        start();
        Cardholder holder = TestCards.resident();
        assertThat(sw(send(SELECT_CARD_INFO))).isEqualTo("9000");
        selectEf("0001");
        assertThat(sw(send("00B0000000"))).isEqualTo("6982");
        selectEf("0011");
        assertThat(sw(send("00200080"))).as("10 tries").isEqualTo("63CA");
        assertThat(sw(send("00200080" + pin("1234")))).isEqualTo("9000");

        selectEf("0001");
        ResponseAPDU number = send("00B0000000");
        assertThat(sw(number)).isEqualTo("6282");
        Tlv outer = Tlv.parse(number.getData(), 0);
        assertThat(outer.tag()).isEqualTo(0xFF20);
        Tlv digits = Tlv.parse(outer.value(), 0);
        assertThat(digits.tag()).isEqualTo(0xDF21);
        assertThat(new String(digits.value(), StandardCharsets.US_ASCII)).isEqualTo(holder.myNumber());

        selectEf("0002");
        ResponseAPDU attributes = send("00B00000000000");
        assertThat(sw(attributes)).isEqualTo("6282");
        Tlv all = Tlv.parse(attributes.getData(), 0);
        assertThat(all.tag()).isEqualTo(0xFF20);
        var fields = Tlv.parseAll(all.value());
        assertThat(fields).extracting(Tlv::tag).containsExactly(0xDF21, 0xDF22, 0xDF23, 0xDF24, 0xDF25);
        assertThat(fields.get(1).text()).isEqualTo(holder.name());
        assertThat(fields.get(2).text()).isEqualTo(holder.address());
        assertThat(fields.get(3).text()).isEqualTo("19850401");
        assertThat(fields.get(4).text()).isEqualTo("1");
    }

    @Test
    public void aForeignCardHasNoJpkiAp() throws Exception {
        card = SimulatedCard.foreign();
        insertAndConnect(card);
        assertThat(channel().getCard().getATR().getBytes()).isNotEqualTo(SimulatedCard.myNumberAtr());
        assertThat(sw(send(SELECT_JPKI))).isEqualTo("6A82");
        assertThat(sw(send("00B0000004"))).isEqualTo("6D00");
    }

    // ---- helpers ----

    protected static byte[] digestInfo(byte[] data) throws Exception {
        byte[] prefix = HEX.parseHex("3031300d060960864801650304020105000420");
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(data);
        byte[] info = Arrays.copyOf(prefix, prefix.length + hash.length);
        System.arraycopy(hash, 0, info, prefix.length, hash.length);
        return info;
    }

    protected static byte[] signCommand(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x80, 0x2A, 0x00, (byte) 0x80, (byte) input.length});
        out.writeBytes(input);
        out.write(0x00);
        return out.toByteArray();
    }

    protected static boolean verifies(X509Certificate certificate, byte[] data, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }
}
