package jp.madoguchi.card.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.card.BasicAttributes;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.CardKind;
import jp.madoguchi.card.Sex;
import jp.madoguchi.card.internal.ScriptedJpkiCard.ExtendedReads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class JpkiSessionTest {
    private static final byte[] ATR = {0x3B, (byte) 0xC5, (byte) 0xFF, (byte) 0x81, 0x31};

    private static JpkiSession session(ScriptedJpkiCard card) {
        return new JpkiSession("Scripted 00", ATR, card, false);
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void recognisesMyNumberCardByJpkiApAndToken() {
        assertThat(session(ScriptedJpkiCard.myNumberCard()).kind()).isEqualTo(CardKind.MY_NUMBER_CARD);
    }

    @Test
    void cardWithoutJpkiApIsOtherAndRefusedAsNotAMyNumberCard() {
        JpkiSession session = session(ScriptedJpkiCard.foreignCard());

        assertThat(session.kind()).isEqualTo(CardKind.OTHER);
        assertThatThrownBy(session::readAuthCertificate)
                .isInstanceOfSatisfying(
                        CardException.class, e -> assertThat(e.code()).isEqualTo(CardErrorCode.NOT_A_MY_NUMBER_CARD))
                .hasMessageContaining("insert a My Number card");
    }

    @Test
    void jukiCardWithOldTokenIsNotAMyNumberCard() {
        JpkiSession session = session(ScriptedJpkiCard.jukiCard());

        assertThat(session.kind()).isEqualTo(CardKind.OTHER);
        assertThat(code(() -> session.verifyAuthPin("1234".toCharArray())))
                .isEqualTo(CardErrorCode.NOT_A_MY_NUMBER_CARD);
    }

    @Test
    void readsAuthCertificateWithOneExtendedReadAfterRecognition() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        JpkiSession session = session(card);

        X509Certificate certificate = session.readAuthCertificate();

        assertThat(certificate).isEqualTo(TestPki.get().authCertificate);
        // SELECT AP, SELECT 0006, READ token; SELECT 000A, one extended READ.
        assertThat(session.apduCount()).isEqualTo(5);
        assertThat(card.received().get(4)).hasSize(7);
    }

    @Test
    void authCertificateChainsToTheCaCertificateOnTheCard() throws Exception {
        JpkiSession session = session(ScriptedJpkiCard.myNumberCard());

        X509Certificate ca = session.readAuthCaCertificate();
        X509Certificate auth = session.readAuthCertificate();

        auth.verify(ca.getPublicKey());
        assertThat(auth.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    }

    @ParameterizedTest
    @EnumSource(
            value = ExtendedReads.class,
            names = {"ANSWER_6700", "ANSWER_6D00", "READER_ERROR"})
    void fallsBackToShortReadsOnceWhenExtendedLengthIsRefused(ExtendedReads refusal) {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        card.extendedReads = refusal;
        JpkiSession session = session(card);

        assertThat(session.readAuthCertificate()).isEqualTo(TestPki.get().authCertificate);
        assertThat(session.readAuthCaCertificate()).isEqualTo(TestPki.get().authCaCertificate);

        long extendedReads = card.received().stream()
                .filter(c -> (c[1] & 0xFF) == 0xB0 && c.length == 7)
                .count();
        assertThat(extendedReads)
                .as("extended length is tried once per session")
                .isEqualTo(1);
    }

    @Test
    void shortReadsOnlyNeverTriesExtendedLengthAndReads256ByteChunks() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        JpkiSession session = new JpkiSession("Scripted 00", ATR, card, true);
        int length = TestPki.get().authCertificateDer().length;

        assertThat(session.readAuthCertificate()).isEqualTo(TestPki.get().authCertificate);

        assertThat(card.received()).noneMatch(c -> (c[1] & 0xFF) == 0xB0 && c.length == 7);
        assertThat(session.apduCount()).isEqualTo(3 + 1 + (length + 255) / 256);
    }

    @Test
    void readsCertificateFromCardThatAnswersInPiecesAndWarnsAtEndOfFile() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        card.maxAnswer = 500;
        card.endOfFileWarning = true;

        assertThat(session(card).readAuthCertificate()).isEqualTo(TestPki.get().authCertificate);
    }

    @Test
    void collectsAnswersAnnouncedWithGetResponse() throws Exception {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        card.getResponsePiece = 200;
        JpkiSession session = session(card);

        assertThat(session.readAuthCertificate()).isEqualTo(TestPki.get().authCertificate);
        session.verifyAuthPin("1234".toCharArray());
        assertThat(session.signWithAuthKey(sha256("challenge"))).hasSize(256);
    }

    @Test
    void certificateFileLongerThanItsDerIsCutAtTheDerLength() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        byte[] der = TestPki.get().authCertificateDer();
        byte[] padded = ScriptedJpkiCard.concat(der, new byte[600]);
        java.util.Arrays.fill(padded, der.length, padded.length, (byte) 0xFF);
        card.putFile(ScriptedJpkiCard.JPKI_AID, CommandApdus.EF_AUTH_CERTIFICATE, padded);

        assertThat(session(card).readAuthCertificate()).isEqualTo(TestPki.get().authCertificate);
    }

    @Test
    void askingTriesLeftUsesNoTry() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        card.setAuthPinTries(2);
        JpkiSession session = session(card);

        assertThat(session.authPinTriesLeft()).isEqualTo(2);
        assertThat(session.authPinTriesLeft()).isEqualTo(2);
        assertThat(card.authPinTries()).isEqualTo(2);
        assertThat(card.verifiesWithData()).isZero();
    }

    @Test
    void wrongPinReportsTriesLeftAndCorrectPinResetsTheCounter() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        JpkiSession session = session(card);

        CardException wrong =
                catchThrowableOfType(() -> session.verifyAuthPin("0000".toCharArray()), CardException.class);
        assertThat(wrong.code()).isEqualTo(CardErrorCode.WRONG_PIN);
        assertThat(wrong.triesLeft()).hasValue(2);
        assertThat(session.authPinTriesLeft()).isEqualTo(2);

        session.verifyAuthPin("1234".toCharArray());
        assertThat(card.authPinTries()).isEqualTo(3);
        assertThat(session.authPinTriesLeft()).isEqualTo(3);
    }

    @Test
    void lastTryWarnsThatTheNextWrongPinLocks() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        card.setAuthPinTries(2);

        CardException wrong =
                catchThrowableOfType(() -> session(card).verifyAuthPin("9999".toCharArray()), CardException.class);

        assertThat(wrong.triesLeft()).hasValue(1);
        assertThat(wrong).hasMessageContaining("locks the card");
    }

    @Test
    void threeWrongPinsLockAndThenNoPinIsSentAgain() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        JpkiSession session = session(card);

        assertThat(code(() -> session.verifyAuthPin("1111".toCharArray()))).isEqualTo(CardErrorCode.WRONG_PIN);
        assertThat(code(() -> session.verifyAuthPin("2222".toCharArray()))).isEqualTo(CardErrorCode.WRONG_PIN);
        assertThat(code(() -> session.verifyAuthPin("3333".toCharArray()))).isEqualTo(CardErrorCode.PIN_LOCKED);
        long sentBefore = card.received().size();

        assertThat(code(() -> session.verifyAuthPin("1234".toCharArray()))).isEqualTo(CardErrorCode.PIN_LOCKED);

        assertThat(card.received()).hasSize((int) sentBefore);
        assertThat(card.verifiesWithData()).isEqualTo(3);
        assertThat(session.authPinTriesLeft()).isZero();
    }

    @Test
    void lockedPinSendsResidentToMunicipalOffice() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        card.setAuthPinTries(0);

        CardException locked =
                catchThrowableOfType(() -> session(card).verifyAuthPin("1234".toCharArray()), CardException.class);

        assertThat(locked.code()).isEqualTo(CardErrorCode.PIN_LOCKED);
        assertThat(locked.triesLeft()).hasValue(0);
        assertThat(locked).hasMessageContaining("municipal office");
    }

    @Test
    void newSessionOnLockedCardChecksTriesAndNeverSendsThePin() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        card.setAuthPinTries(0);

        assertThat(code(() -> session(card).verifyAuthPin("1234".toCharArray())))
                .isEqualTo(CardErrorCode.PIN_LOCKED);
        assertThat(card.verifiesWithData()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x6983, 0x6984, 0x63C0})
    void everyLockedStatusWordIsPinLocked(int lockedSw) {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        JpkiSession session = session(card);
        session.authPinTriesLeft();
        card.setAuthPinTries(0);
        // The card locked behind the session's back (another program used the tries).
        ApduChannel lockedAnswer = new ApduChannel() {
            @Override
            public byte[] transmit(byte[] command) {
                return (command[1] & 0xFF) == 0x20 ? ScriptedJpkiCard.sw(lockedSw) : card.transmit(command);
            }

            @Override
            public void close() {}
        };
        JpkiSession answering = new JpkiSession("Scripted 00", ATR, lockedAnswer, false);
        answering.kind();
        // Known tries let the VERIFY through; the answer must still read as locked.
        answering.authPinTriesLeft();

        assertThat(code(() -> answering.verifyAuthPin("1234".toCharArray()))).isEqualTo(CardErrorCode.PIN_LOCKED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "12345", "12a4", "１２３４", " 123", "123\n"})
    void pinOtherThanFourAsciiDigitsIsRejectedBeforeAnythingIsSent(String pin) {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        JpkiSession session = session(card);

        assertThat(code(() -> session.verifyAuthPin(pin.toCharArray()))).isEqualTo(CardErrorCode.INVALID_PIN_FORMAT);
        assertThat(code(() -> session.readBasicAttributes(pin.toCharArray())))
                .isEqualTo(CardErrorCode.INVALID_PIN_FORMAT);
        assertThat(code(() -> session.verifyAuthPin(null))).isEqualTo(CardErrorCode.INVALID_PIN_FORMAT);
        assertThat(card.received()).isEmpty();
    }

    @Test
    void verifyCommandBufferIsZeroedAfterSending() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        List<byte[]> sentBuffers = new ArrayList<>();
        ApduChannel keepingReferences = new ApduChannel() {
            @Override
            public byte[] transmit(byte[] command) {
                sentBuffers.add(command);
                return card.transmit(command);
            }

            @Override
            public void close() {}
        };
        JpkiSession session = new JpkiSession("Scripted 00", ATR, keepingReferences, false);

        session.verifyAuthPin("1234".toCharArray());

        byte[] verify = sentBuffers.stream()
                .filter(c -> c.length == 9) // only VERIFY with a PIN is 9 bytes long
                .findFirst()
                .orElseThrow();
        assertThat(verify).containsOnly(0);
        assertThat(card.received()).anyMatch(c -> c.length == 9 && c[5] == '1' && c[8] == '4');
    }

    @Test
    void apduTraceMasksThePinAndShowsNoData() {
        Logger trace = (Logger) LoggerFactory.getLogger("jp.madoguchi.card.apdu");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        trace.addAppender(appender);
        Level before = trace.getLevel();
        trace.setLevel(Level.DEBUG);
        trace.setAdditive(false);
        try {
            session(ScriptedJpkiCard.myNumberCard()).verifyAuthPin("1234".toCharArray());
        } finally {
            trace.setAdditive(true);
            trace.setLevel(before);
            trace.detachAppender(appender);
        }

        List<String> lines =
                appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(line -> line.contains("VERIFY") && line.contains("PIN masked"));
        assertThat(lines).noneMatch(line -> line.contains("1234") || line.contains("31323334"));
    }

    @Test
    void signatureVerifiesWithTheCertificatesPublicKey() throws Exception {
        JpkiSession session = session(ScriptedJpkiCard.myNumberCard());
        byte[] message = "nonce||kiosk-001".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        session.verifyAuthPin("1234".toCharArray());
        byte[] signature =
                session.signWithAuthKey(MessageDigest.getInstance("SHA-256").digest(message));

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(session.readAuthCertificate().getPublicKey());
        verifier.update(message);
        assertThat(signature).hasSize(256);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void signingWithoutVerifiedPinIsSecurityStatusNotSatisfied() throws Exception {
        byte[] digest = sha256("x");
        CardException e = catchThrowableOfType(
                () -> session(ScriptedJpkiCard.myNumberCard()).signWithAuthKey(digest), CardException.class);

        assertThat(e.code()).isEqualTo(CardErrorCode.SECURITY_STATUS_NOT_SATISFIED);
        assertThat(e).hasMessageContaining("verify the PIN");
    }

    @Test
    void signingSomethingOtherThanASha256DigestIsAProgrammingError() {
        JpkiSession session = session(ScriptedJpkiCard.myNumberCard());

        assertThatThrownBy(() -> session.signWithAuthKey(new byte[20])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.signWithAuthKey(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kioskPathTakesTenApdusWithExtendedLength() throws Exception {
        JpkiSession session = session(ScriptedJpkiCard.myNumberCard());

        session.readAuthCertificate();
        session.authPinTriesLeft();
        session.verifyAuthPin("1234".toCharArray());
        session.signWithAuthKey(sha256("challenge"));

        // recognise 3, certificate 2, tries 2 (SELECT 0018, empty VERIFY), VERIFY 1, sign 2.
        assertThat(session.apduCount()).isEqualTo(10);
    }

    @Test
    void readsTheFourBasicAttributesWithTheCardInfoPin() {
        JpkiSession session = session(ScriptedJpkiCard.myNumberCard());

        BasicAttributes attributes = session.readBasicAttributes("5678".toCharArray());

        assertThat(attributes.name()).isEqualTo("見本 太郎");
        assertThat(attributes.address()).startsWith("東京都千代田区千代田1番1号");
        assertThat(attributes.birthDate()).isEqualTo(LocalDate.of(1980, 4, 1));
        assertThat(attributes.sex()).isEqualTo(Sex.MALE);
        assertThat(attributes.toString()).doesNotContain("見本").doesNotContain("1980");
    }

    @Test
    void wrongCardInfoPinIsWrongPinAndLeavesAuthPinAlone() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        JpkiSession session = session(card);

        CardException e =
                catchThrowableOfType(() -> session.readBasicAttributes("1234".toCharArray()), CardException.class);

        assertThat(e.code()).isEqualTo(CardErrorCode.WRONG_PIN);
        assertThat(e.triesLeft()).hasValue(2);
        assertThat(card.authPinTries()).isEqualTo(3);
        session.verifyAuthPin("1234".toCharArray());
    }

    @Test
    void jpkiOperationsWorkAfterReadingBasicAttributes() throws Exception {
        JpkiSession session = session(ScriptedJpkiCard.myNumberCard());

        session.readBasicAttributes("5678".toCharArray());
        session.verifyAuthPin("1234".toCharArray());

        assertThat(session.signWithAuthKey(sha256("after card-info"))).hasSize(256);
    }

    @Test
    void closedSessionRefusesFurtherCalls() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        JpkiSession session = session(card);
        session.close();

        assertThat(card.isClosed()).isTrue();
        assertThat(code(session::kind)).isEqualTo(CardErrorCode.SESSION_CLOSED);
        assertThat(code(session::authPinTriesLeft)).isEqualTo(CardErrorCode.SESSION_CLOSED);
    }

    @Test
    void emptyCertificateFileIsMalformed() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        card.putFile(ScriptedJpkiCard.JPKI_AID, CommandApdus.EF_AUTH_CA_CERTIFICATE, new byte[0]);

        assertThat(code(() -> session(card).readAuthCaCertificate())).isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
    }

    @Test
    void absentCertificateFileIsFileNotFound() {
        ScriptedJpkiCard card = ScriptedJpkiCard.myNumberCard();
        card.removeFile(ScriptedJpkiCard.JPKI_AID, CommandApdus.EF_AUTH_CA_CERTIFICATE);

        CardException e = catchThrowableOfType(() -> session(card).readAuthCaCertificate(), CardException.class);

        assertThat(e.code()).isEqualTo(CardErrorCode.FILE_NOT_FOUND);
        assertThat(e).hasMessageContaining("000B");
    }

    static CardErrorCode code(Runnable call) {
        CardException e = catchThrowableOfType(call::run, CardException.class);
        assertThat(e).as("expected a CardException").isNotNull();
        return e.code();
    }
}
