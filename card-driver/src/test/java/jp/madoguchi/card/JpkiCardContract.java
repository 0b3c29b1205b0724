package jp.madoguchi.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.madoguchi.sim.card.ApduRecord;
import jp.madoguchi.sim.card.CardPin;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.SimulatedCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver against the simulated My Number card, one suite for every way the card can be
 * reached: in-process (the simulator's TerminalFactory) and through pcscd + vpcd (the JDK's PC/SC
 * provider). Subclasses connect the slot and say which readers to use.
 */
abstract class JpkiCardContract {
    /** Short, so the mute-card test is quick; the simulator answers in milliseconds. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);

    static final Duration WAIT = Duration.ofSeconds(15);

    protected final CardSlot slot = new CardSlot("Contract Reader");
    protected SimulatedCard card;

    /** Makes the slot visible as a reader (called with the card already inserted). */
    protected abstract void connect(CardSlot slot) throws Exception;

    /** Ends what {@link #connect} started. */
    protected abstract void disconnect() throws Exception;

    /** The readers the driver uses, with {@link #RESPONSE_TIMEOUT}. */
    protected abstract CardReaders readers();

    /** The name under which the slot appears. */
    protected abstract String readerName();

    @BeforeEach
    void insertCard() throws Exception {
        card = SimulatorCards.myNumberCard();
        slot.insert(card);
        connect(slot);
        awaitCardPresent(true);
        slot.clearApduLog();
    }

    @AfterEach
    void removeCard() throws Exception {
        slot.card().ifPresent(SimulatedCard::unmute);
        disconnect();
        slot.remove();
    }

    protected void awaitCardPresent(boolean present) {
        await().atMost(WAIT).until(() -> readers().list().stream()
                .anyMatch(r -> r.name().equals(readerName()) && r.cardPresent() == present));
    }

    private JpkiCard open() {
        return readers().open(readerName());
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static CardErrorCode code(Runnable call) {
        CardException e = catchThrowableOfType(call::run, CardException.class);
        assertThat(e).as("expected a CardException").isNotNull();
        return e.code();
    }

    private long verifiesWithPinData() {
        return slot.apduLog().stream().filter(ApduRecord::pinDataMasked).count();
    }

    @Test
    void recognisesTheMyNumberCardAndItsAtr() {
        try (JpkiCard session = open()) {
            assertThat(session.kind()).isEqualTo(CardKind.MY_NUMBER_CARD);
            assertThat(session.atr()).isEqualTo(SimulatedCard.myNumberAtr());
        }
    }

    @Test
    void readsBothCertificatesAndTheAuthCertificateIsSignedByTheCa() throws Exception {
        try (JpkiCard session = open()) {
            X509Certificate auth = session.readAuthCertificate();
            X509Certificate ca = session.readAuthCaCertificate();

            assertThat(auth).isEqualTo(card.authCertificate());
            auth.verify(ca.getPublicKey());
            ca.verify(ca.getPublicKey());
            assertThat(auth.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        }
    }

    @Test
    void readsEachCertificateWithOneExtendedRead() {
        try (JpkiCard session = open()) {
            session.readAuthCertificate();
            session.readAuthCaCertificate();
        }
        List<ApduRecord> reads =
                slot.apduLog().stream().filter(r -> r.ins() == 0xB0).toList();
        // token info (short), then one extended READ per certificate
        assertThat(reads).hasSize(3);
        assertThat(reads.subList(1, 3))
                .allMatch(r -> r.command().length == 7 && (r.statusWord() == 0x9000 || r.statusWord() == 0x6282));
    }

    @Test
    void triesLeftUsesNoTry() {
        try (JpkiCard session = open()) {
            assertThat(session.authPinTriesLeft()).isEqualTo(3);
            assertThat(session.authPinTriesLeft()).isEqualTo(3);
        }
        assertThat(card.triesLeft(CardPin.AUTH_PIN)).isEqualTo(3);
        assertThat(verifiesWithPinData()).isZero();
    }

    @Test
    void wrongPinReportsTriesLeft() {
        try (JpkiCard session = open()) {
            CardException wrong =
                    catchThrowableOfType(() -> session.verifyAuthPin("0000".toCharArray()), CardException.class);

            assertThat(wrong.code()).isEqualTo(CardErrorCode.WRONG_PIN);
            assertThat(wrong.triesLeft()).hasValue(2);
            assertThat(session.authPinTriesLeft()).isEqualTo(2);
        }
        assertThat(card.triesLeft(CardPin.AUTH_PIN)).isEqualTo(2);
    }

    @Test
    void threeWrongPinsLockTheCardAndTheDriverNeverSendsAPinAgain() {
        try (JpkiCard session = open()) {
            assertThat(code(() -> session.verifyAuthPin("1111".toCharArray()))).isEqualTo(CardErrorCode.WRONG_PIN);
            assertThat(code(() -> session.verifyAuthPin("2222".toCharArray()))).isEqualTo(CardErrorCode.WRONG_PIN);
            CardException locked =
                    catchThrowableOfType(() -> session.verifyAuthPin("3333".toCharArray()), CardException.class);
            assertThat(locked.code()).isEqualTo(CardErrorCode.PIN_LOCKED);
            assertThat(locked).hasMessageContaining("municipal office");

            assertThat(code(() -> session.verifyAuthPin(SimulatorCards.AUTH_PIN.toCharArray())))
                    .isEqualTo(CardErrorCode.PIN_LOCKED);
        }
        try (JpkiCard next = open()) {
            assertThat(code(() -> next.verifyAuthPin(SimulatorCards.AUTH_PIN.toCharArray())))
                    .isEqualTo(CardErrorCode.PIN_LOCKED);
            assertThat(next.authPinTriesLeft()).isZero();
        }
        assertThat(verifiesWithPinData()).as("VERIFY commands with PIN data").isEqualTo(3);
        assertThat(card.triesLeft(CardPin.AUTH_PIN)).isZero();
    }

    @Test
    void signatureVerifiesWithTheCertificatesPublicKey() throws Exception {
        byte[] challenge = "nonce||kiosk-0001".getBytes(StandardCharsets.UTF_8);
        try (JpkiCard session = open()) {
            X509Certificate certificate = session.readAuthCertificate();
            session.verifyAuthPin(SimulatorCards.AUTH_PIN.toCharArray());
            byte[] signature = session.signWithAuthKey(sha256(challenge));

            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            assertThat(signature).hasSize(256);
            assertThat(verifier.verify(signature)).isTrue();
        }
    }

    @Test
    void signingWithoutThePinIsRefusedByTheCard() throws Exception {
        byte[] digest = sha256(new byte[] {1});
        try (JpkiCard session = open()) {
            assertThat(code(() -> session.signWithAuthKey(digest)))
                    .isEqualTo(CardErrorCode.SECURITY_STATUS_NOT_SATISFIED);
        }
    }

    @Test
    void kioskPathTakesTenApdusAndTheCardSeesExactlyThose() throws Exception {
        long apdus;
        try (JpkiCard session = open()) {
            session.readAuthCertificate();
            session.authPinTriesLeft();
            session.verifyAuthPin(SimulatorCards.AUTH_PIN.toCharArray());
            session.signWithAuthKey(sha256(new byte[32]));
            apdus = session.apduCount();
        }
        assertThat(apdus).isEqualTo(10);
        assertThat(slot.apduLog()).hasSize(10);
    }

    @Test
    void readsTheFourBasicAttributes() {
        try (JpkiCard session = open()) {
            BasicAttributes attributes = session.readBasicAttributes(SimulatorCards.CARD_INFO_PIN.toCharArray());

            assertThat(attributes.name()).isEqualTo("窓口 太郎");
            assertThat(attributes.address()).isEqualTo("模擬県窓口市見本町一丁目1番1号");
            assertThat(attributes.birthDate()).isEqualTo(LocalDate.of(1985, 4, 1));
            assertThat(attributes.sex()).isEqualTo(Sex.MALE);
        }
    }

    @Test
    void cardRemovedMidSessionIsCardRemoved() {
        try (JpkiCard session = open()) {
            assertThat(session.kind()).isEqualTo(CardKind.MY_NUMBER_CARD);

            slot.remove();
            awaitCardPresent(false);

            assertThat(code(session::readAuthCertificate)).isEqualTo(CardErrorCode.CARD_REMOVED);
        }
    }

    @Test
    void foreignCardIsNotAMyNumberCard() {
        slot.remove();
        awaitCardPresent(false);
        slot.insert(SimulatedCard.foreign());
        awaitCardPresent(true);

        try (JpkiCard session = open()) {
            assertThat(session.kind()).isEqualTo(CardKind.OTHER);
            assertThat(code(session::readAuthCertificate)).isEqualTo(CardErrorCode.NOT_A_MY_NUMBER_CARD);
            assertThat(code(() -> session.verifyAuthPin("1234".toCharArray())))
                    .isEqualTo(CardErrorCode.NOT_A_MY_NUMBER_CARD);
        }
        assertThat(verifiesWithPinData()).isZero();
    }

    @Test
    void muteCardIsCardNotRespondingWithinTheTimeout() {
        try (JpkiCard session = open()) {
            session.kind();
            card.mute();

            CardException e = assertTimeoutPreemptively(
                    RESPONSE_TIMEOUT.plusSeconds(3),
                    () -> catchThrowableOfType(session::readAuthCertificate, CardException.class));

            assertThat(e.code()).isEqualTo(CardErrorCode.CARD_NOT_RESPONDING);
            assertThat(code(session::authPinTriesLeft)).isEqualTo(CardErrorCode.CARD_NOT_RESPONDING);
        }
    }

    @Test
    void readerEventsFollowInsertionAndRemoval() {
        List<CardEvent> events = new CopyOnWriteArrayList<>();
        try (CardWatch watch = readers().watch(event -> {
            if (event.readerName().equals(readerName())) {
                events.add(event);
            }
        })) {
            await().atMost(WAIT)
                    .until(() -> events.contains(new CardEvent(CardEvent.Type.CARD_INSERTED, readerName())));

            slot.remove();
            await().atMost(WAIT).until(() -> events.contains(new CardEvent(CardEvent.Type.CARD_REMOVED, readerName())));
            slot.insert(SimulatorCards.myNumberCard());
            await().atMost(WAIT)
                    .until(() -> events.stream()
                                    .filter(e -> e.type() == CardEvent.Type.CARD_INSERTED)
                                    .count()
                            == 2);

            assertThat(events)
                    .containsExactly(
                            new CardEvent(CardEvent.Type.READER_ADDED, readerName()),
                            new CardEvent(CardEvent.Type.CARD_INSERTED, readerName()),
                            new CardEvent(CardEvent.Type.CARD_REMOVED, readerName()),
                            new CardEvent(CardEvent.Type.CARD_INSERTED, readerName()));
        }
    }
}
