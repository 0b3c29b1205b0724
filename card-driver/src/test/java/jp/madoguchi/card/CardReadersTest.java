package jp.madoguchi.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.security.MessageDigest;
import java.time.Duration;
import jp.madoguchi.card.ScriptedReaders.Fault;
import jp.madoguchi.card.internal.ScriptedJpkiCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CardReaders and the smartcardio adapter against fault-injecting javax.smartcardio readers. */
class CardReadersTest {
    private final ScriptedReaders scripted = new ScriptedReaders();
    private final CardReaders readers =
            CardReaders.over(scripted.factory()).withResponseTimeout(Duration.ofMillis(1500));

    @AfterEach
    void releaseMuteCards() {
        scripted.releaseMute();
    }

    private static CardErrorCode code(Runnable call) {
        CardException e = catchThrowableOfType(call::run, CardException.class);
        assertThat(e).as("expected a CardException").isNotNull();
        return e.code();
    }

    @Test
    void listsReadersWithCardPresence() {
        scripted.addReader("Reader A");
        scripted.addReader("Reader B").insert(ScriptedJpkiCard.myNumberCard());

        assertThat(readers.list()).containsExactly(new CardReader("Reader A", false), new CardReader("Reader B", true));
    }

    @Test
    void kioskPathWorksThroughSmartcardio() throws Exception {
        scripted.addReader("Reader A").insert(ScriptedJpkiCard.myNumberCard());

        try (JpkiCard card = readers.openFirstCard()) {
            assertThat(card.readerName()).isEqualTo("Reader A");
            assertThat(card.atr()).startsWith(0x3B, 0xC5);
            assertThat(card.kind()).isEqualTo(CardKind.MY_NUMBER_CARD);
            assertThat(card.readAuthCertificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
            assertThat(card.authPinTriesLeft()).isEqualTo(3);
            card.verifyAuthPin("1234".toCharArray());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3});
            assertThat(card.signWithAuthKey(digest)).hasSize(256);
            assertThat(card.apduCount()).isEqualTo(10);
        }
    }

    @Test
    void sessionHoldsTheCardExclusivelyFromTheThreadThatTalksToIt() throws Exception {
        ScriptedReaders.Reader reader = scripted.addReader("Reader A");
        reader.insert(ScriptedJpkiCard.myNumberCard());

        try (JpkiCard card = readers.open("Reader A")) {
            assertThat(reader.exclusiveThread).isNotNull();
            // Every later call comes from the same thread, or the provider would refuse it.
            card.readAuthCertificate();
            card.verifyAuthPin("1234".toCharArray());
            assertThat(card.signWithAuthKey(MessageDigest.getInstance("SHA-256").digest(new byte[0])))
                    .hasSize(256);
        }
        assertThat(reader.exclusiveThread).isNull();
    }

    @Test
    void closingTheSessionResetsTheCardSoTheVerifiedPinDoesNotLinger() {
        ScriptedReaders.Reader reader = scripted.addReader("Reader A");
        reader.insert(ScriptedJpkiCard.myNumberCard());

        JpkiCard card = readers.open("Reader A");
        card.close();
        card.close();

        assertThat(reader.disconnects).containsExactly(true);
        assertThat(code(card::kind)).isEqualTo(CardErrorCode.SESSION_CLOSED);
    }

    @Test
    void muteCardFailsWithCardNotRespondingWithinTheTimeout() {
        ScriptedReaders.Reader reader = scripted.addReader("Reader A");
        reader.insert(ScriptedJpkiCard.myNumberCard());
        JpkiCard card = readers.open("Reader A");
        reader.fault = Fault.MUTE;

        CardException e = assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> catchThrowableOfType(card::kind, CardException.class));

        assertThat(e.code()).isEqualTo(CardErrorCode.CARD_NOT_RESPONDING);
        assertThat(e).hasMessageContaining("remove it and insert it again");
        int transmits = reader.transmits.get();
        assertThat(code(card::authPinTriesLeft)).isEqualTo(CardErrorCode.CARD_NOT_RESPONDING);
        assertThat(reader.transmits.get())
                .as("a broken session sends nothing more")
                .isEqualTo(transmits);
        assertTimeoutPreemptively(Duration.ofSeconds(2), card::close);
    }

    @Test
    void muteCardIsReleasedOnlyAfterItsStuckCallReturnsNeverBesideIt() {
        ScriptedReaders.Reader reader = scripted.addReader("Reader A");
        reader.insert(ScriptedJpkiCard.myNumberCard());
        JpkiCard card = readers.open("Reader A");
        reader.fault = Fault.MUTE;
        assertThat(code(card::kind)).isEqualTo(CardErrorCode.CARD_NOT_RESPONDING);
        card.close();
        assertThat(reader.disconnects)
                .as("no disconnect while the transmit is stuck")
                .isEmpty();

        scripted.releaseMute();

        await().atMost(Duration.ofSeconds(5)).until(() -> reader.disconnects.equals(java.util.List.of(true)));
        assertThat(reader.overlappingCalls).hasValue(0);
    }

    @Test
    void cardThatNeverPowersUpIsCardNotRespondingAndReleasedIfItAnswersLate() {
        ScriptedReaders.Reader reader = scripted.addReader("Reader A");
        reader.insert(ScriptedJpkiCard.myNumberCard());
        reader.connectHangs = true;

        CardException e = assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> catchThrowableOfType(() -> readers.open("Reader A"), CardException.class));
        assertThat(e.code()).isEqualTo(CardErrorCode.CARD_NOT_RESPONDING);

        scripted.releaseMute();
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.disconnects.equals(java.util.List.of(true)));
        assertThat(reader.exclusiveThread)
                .as("the late connection holds nothing")
                .isNull();
    }

    @Test
    void cardTakenOutMidSessionIsCardRemoved() {
        ScriptedReaders.Reader reader = scripted.addReader("Reader A");
        reader.insert(ScriptedJpkiCard.myNumberCard());
        JpkiCard card = readers.open("Reader A");
        card.kind();

        reader.remove();

        CardException e = catchThrowableOfType(card::readAuthCertificate, CardException.class);
        assertThat(e.code()).isEqualTo(CardErrorCode.CARD_REMOVED);
        assertThat(e).hasMessageContaining("insert it again");
    }

    @Test
    void uncheckedProviderFailureBecomesACardException() {
        ScriptedReaders.Reader reader = scripted.addReader("Reader A");
        reader.insert(ScriptedJpkiCard.myNumberCard());
        JpkiCard card = readers.open("Reader A");
        reader.fault = Fault.RUNTIME_EXCEPTION;

        assertThat(code(card::kind)).isEqualTo(CardErrorCode.TRANSMISSION_FAILED);
    }

    @Test
    void stoppedPcscServiceSaysHowToStartPcscd() {
        scripted.listFailure = "SCARD_E_NO_SERVICE";

        CardException e = catchThrowableOfType(readers::list, CardException.class);

        assertThat(e.code()).isEqualTo(CardErrorCode.READER_UNAVAILABLE);
        assertThat(e).hasMessageContaining("start pcscd").hasMessageContaining("apt-get install pcscd");
    }

    @Test
    void noReadersCountsAsAnEmptyList() {
        scripted.listFailure = "SCARD_E_NO_READERS_AVAILABLE";

        assertThat(readers.list()).isEmpty();
        assertThat(code(readers::openFirstCard)).isEqualTo(CardErrorCode.NO_READER);
    }

    @Test
    void missingReaderOrCardHaveTheirOwnCodes() {
        scripted.addReader("Reader A");

        CardException notFound = catchThrowableOfType(() -> readers.open("Reader Z"), CardException.class);
        assertThat(notFound.code()).isEqualTo(CardErrorCode.READER_NOT_FOUND);
        assertThat(notFound).hasMessageContaining("Reader A");
        assertThat(code(() -> readers.open("Reader A"))).isEqualTo(CardErrorCode.NO_CARD);
        assertThat(code(readers::openFirstCard)).isEqualTo(CardErrorCode.NO_CARD);
    }

    @Test
    void foreignCardIsNotAMyNumberCard() {
        scripted.addReader("Reader A").insert(ScriptedJpkiCard.foreignCard());

        try (JpkiCard card = readers.openFirstCard()) {
            assertThat(card.kind()).isEqualTo(CardKind.OTHER);
            assertThat(code(card::readAuthCertificate)).isEqualTo(CardErrorCode.NOT_A_MY_NUMBER_CARD);
        }
    }

    @Test
    void responseTimeoutMustBePositive() {
        assertThatThrownBy(() -> readers.withResponseTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
