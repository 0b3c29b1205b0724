package jp.madoguchi.sim.card.smartcardio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CardTerminals.State;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import jp.madoguchi.sim.card.ApduRecord;
import jp.madoguchi.sim.card.CardPin;
import jp.madoguchi.sim.card.CardSimException;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.card.TestCards;
import jp.madoguchi.sim.pki.SimulatorPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-process adapter behaves like a PC/SC reader, and the card's faults can be scripted. */
class SimulatedTerminalsTest {
    private static final HexFormat HEX = HexFormat.of();

    private final CardSlot slot = new CardSlot("Simulated Reader 0");
    private final CardSlot spare = new CardSlot("Simulated Reader 1");
    private final TerminalFactory factory = SimulatedTerminals.of(slot, spare).terminalFactory();
    private final CardTerminal terminal = factory.terminals().getTerminal("Simulated Reader 0");
    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void cleanUp() {
        slot.remove();
        spare.remove();
        background.shutdownNow();
    }

    private static ResponseAPDU send(Card card, String hex) throws CardException {
        return card.getBasicChannel().transmit(new CommandAPDU(HEX.parseHex(hex)));
    }

    @Test
    void listsOneTerminalPerSlotWithCardPresence() throws Exception {
        slot.insert(TestCards.card());
        CardTerminals terminals = factory.terminals();
        assertThat(factory.getType()).isEqualTo(SimulatedTerminals.TYPE);
        assertThat(terminals.list())
                .extracting(CardTerminal::getName)
                .containsExactly("Simulated Reader 0", "Simulated Reader 1");
        assertThat(terminals.list(State.CARD_PRESENT))
                .extracting(CardTerminal::getName)
                .containsExactly("Simulated Reader 0");
        assertThat(terminals.list(State.CARD_ABSENT))
                .extracting(CardTerminal::getName)
                .containsExactly("Simulated Reader 1");
        assertThat(terminal.isCardPresent()).isTrue();
    }

    @Test
    void waitForChangeBlocksUntilACardIsInsertedAndReportsTheInsertion() throws Exception {
        CardTerminals terminals = factory.terminals();
        assertThat(terminals.waitForChange(50)).as("nothing happens").isFalse();

        CompletableFuture<Boolean> change = CompletableFuture.supplyAsync(() -> waitForChange(terminals), background);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !change.isDone());
        slot.insert(TestCards.card());
        assertThat(change.get(2, TimeUnit.SECONDS)).isTrue();
        assertThat(terminals.list(State.CARD_INSERTION))
                .extracting(CardTerminal::getName)
                .containsExactly("Simulated Reader 0");
        assertThat(terminals.list(State.CARD_REMOVAL)).isEmpty();

        slot.remove();
        assertThat(terminals.waitForChange(1000)).isTrue();
        assertThat(terminals.list(State.CARD_REMOVAL))
                .extracting(CardTerminal::getName)
                .containsExactly("Simulated Reader 0");
    }

    @Test
    void swappingCardsReportsRemovalAndInsertionAndGivesTheOtherResidentsCard() throws Exception {
        slot.insert(TestCards.card());
        CardTerminals terminals = factory.terminals();
        assertThat(terminals.waitForChange(20)).isFalse();
        slot.swap(TestCards.issuer().issue(TestCards.otherResident()));
        assertThat(terminals.waitForChange(1000)).isTrue();
        assertThat(terminals.list(State.CARD_REMOVAL))
                .extracting(CardTerminal::getName)
                .containsExactly("Simulated Reader 0");
        assertThat(terminals.list(State.CARD_INSERTION))
                .extracting(CardTerminal::getName)
                .containsExactly("Simulated Reader 0");
        assertThat(slot.card().flatMap(SimulatedCard::residentId)).contains("R0002");
        assertThat(SimulatorPki.residentIdOf(slot.card().orElseThrow().authCertificate()))
                .isEqualTo("R0002");
    }

    @Test
    void waitForCardPresentAndAbsentBlockUntilTheSlotChanges() throws Exception {
        assertThat(terminal.waitForCardPresent(30)).isFalse();
        CompletableFuture<Boolean> present =
                CompletableFuture.supplyAsync(() -> waitForCard(terminal, true), background);
        slot.insert(TestCards.card());
        assertThat(present.get(2, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> absent =
                CompletableFuture.supplyAsync(() -> waitForCard(terminal, false), background);
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> !absent.isDone());
        slot.remove();
        assertThat(absent.get(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void removedCardMakesTransmitFailLikeAReader() throws Exception {
        assertThatThrownBy(() -> terminal.connect("*")).isInstanceOf(CardNotPresentException.class);
        slot.insert(TestCards.card());
        Card card = terminal.connect("*");
        assertThat(terminal.connect("T=1"))
                .as("same connection while connected")
                .isSameAs(card);
        slot.remove();
        assertThatThrownBy(() -> send(card, "00A4040C0AD392F000260100000001"))
                .isInstanceOf(CardException.class)
                .hasMessageContaining("card removed");
        slot.insert(TestCards.card());
        assertThatThrownBy(() -> send(card, "00A4040C0AD392F000260100000001"))
                .as("the old connection stays dead after re-insertion")
                .isInstanceOf(CardException.class);
        Card again = terminal.connect("*");
        assertThat(again).isNotSameAs(card);
        assertThat(send(again, "00A4040C0AD392F000260100000001").getSW()).isEqualTo(0x9000);
    }

    @Test
    void connectSpeaksT1OnlyAndDisconnectedCardsRefuseWork() throws Exception {
        slot.insert(TestCards.card());
        assertThatThrownBy(() -> terminal.connect("T=0")).isInstanceOf(CardException.class);
        assertThatThrownBy(() -> terminal.connect("T=2")).isInstanceOf(IllegalArgumentException.class);
        Card card = terminal.connect("T=1");
        assertThatThrownBy(() -> terminal.connect("T=0")).isInstanceOf(CardException.class);
        assertThatThrownBy(card::openLogicalChannel).isInstanceOf(CardException.class);
        card.disconnect(false);
        assertThatThrownBy(card::getBasicChannel).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void leavingTheCardKeepsItsSessionAndResettingEndsIt() throws Exception {
        slot.insert(TestCards.card());
        Card card = terminal.connect("*");
        send(card, "00A4040C0AD392F000260100000001");
        send(card, "00A4020C020018");
        assertThat(send(card, "002000800431323334").getSW()).isEqualTo(0x9000);
        card.disconnect(false);
        Card next = terminal.connect("*");
        send(next, "00A4020C020017");
        assertThat(send(next, "802A00800101" + "00").getSW())
                .as("PIN still verified")
                .isEqualTo(0x9000);
        next.disconnect(true);
        Card afterReset = terminal.connect("*");
        send(afterReset, "00A4040C0AD392F000260100000001");
        send(afterReset, "00A4020C020017");
        assertThat(send(afterReset, "802A00800101" + "00").getSW()).isEqualTo(0x6982);
    }

    @Test
    void exclusiveAccessBelongsToOneThread() throws Exception {
        slot.insert(TestCards.card());
        Card card = terminal.connect("*");
        card.beginExclusive();
        CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        send(card, "00A4040C0AD392F000260100000001");
                        return null;
                    } catch (Throwable e) {
                        return e;
                    }
                },
                background);
        assertThat(other.get(2, TimeUnit.SECONDS)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(card::beginExclusive).isInstanceOf(CardException.class);
        assertThat(send(card, "00A4040C0AD392F000260100000001").getSW()).isEqualTo(0x9000);
        card.endExclusive();
    }

    @Test
    void mutedCardBlocksTransmitUntilUnmuted() throws Exception {
        SimulatedCard simulated = TestCards.card();
        slot.insert(simulated);
        Card card = terminal.connect("*");
        simulated.mute();
        CompletableFuture<ResponseAPDU> answer =
                CompletableFuture.supplyAsync(() -> sendUnchecked(card, "00A4040C0AD392F000260100000001"), background);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !answer.isDone());
        simulated.unmute();
        assertThat(answer.get(2, TimeUnit.SECONDS).getSW()).isEqualTo(0x9000);
    }

    @Test
    void mutedCardThatIsRemovedFailsTheWaitingTransmit() throws Exception {
        SimulatedCard simulated = TestCards.card();
        slot.insert(simulated);
        Card card = terminal.connect("*");
        simulated.mute();
        CompletableFuture<ResponseAPDU> answer =
                CompletableFuture.supplyAsync(() -> sendUnchecked(card, "00A4040C0AD392F000260100000001"), background);
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> !answer.isDone());
        slot.remove();
        assertThatThrownBy(() -> answer.get(2, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(CardSimException.class)
                .hasMessageContaining("card removed");
        assertThat(slot.apduLog()).last().satisfies(record -> assertThat(record.answered())
                .isFalse());
    }

    @Test
    void latencyDelaysEveryApdu() throws Exception {
        SimulatedCard simulated = TestCards.card();
        slot.insert(simulated);
        Card card = terminal.connect("*");
        simulated.setLatency(Duration.ofMillis(150));
        long start = System.nanoTime();
        send(card, "00A4040C0AD392F000260100000001");
        send(card, "00A4020C020006");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(slot.apduLog())
                .allSatisfy(record -> assertThat(record.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(150)));
    }

    @Test
    void apduLogLeavesOutPinData() throws Exception {
        slot.insert(TestCards.card());
        Card card = terminal.connect("*");
        send(card, "00A4040C0AD392F000260100000001");
        send(card, "00A4020C020018");
        send(card, "00200080");
        send(card, "002000800431323334");
        var log = slot.apduLog();
        assertThat(log).hasSize(4);
        ApduRecord verify = log.get(3);
        assertThat(verify.isVerify()).isTrue();
        assertThat(verify.pinDataMasked()).isTrue();
        assertThat(verify.command()).isEqualTo(HEX.parseHex("0020008004"));
        assertThat(verify.statusWord()).isEqualTo(0x9000);
        assertThat(verify.toString()).contains("********").doesNotContain("31 32 33 34");
        assertThat(log.get(2).pinDataMasked()).as("empty VERIFY carries no PIN").isFalse();
        slot.clearApduLog();
        assertThat(slot.apduLog()).isEmpty();
    }

    @Test
    void scriptedTriesLeftAndLockShowOnTheCard() throws Exception {
        SimulatedCard simulated = TestCards.card();
        slot.insert(simulated);
        Card card = terminal.connect("*");
        send(card, "00A4040C0AD392F000260100000001");
        send(card, "00A4020C020018");
        simulated.setAuthPinTriesLeft(1);
        assertThat(send(card, "00200080").getSW()).isEqualTo(0x63C1);
        simulated.lockAuthPin();
        assertThat(send(card, "00200080").getSW()).isEqualTo(0x63C0);
        assertThat(send(card, "002000800431323334").getSW()).isEqualTo(0x6983);
        simulated.setTriesLeft(CardPin.AUTH_PIN, 3);
        assertThat(send(card, "002000800431323334").getSW()).isEqualTo(0x9000);
        assertThatThrownBy(() -> simulated.setTriesLeft(CardPin.AUTH_PIN, 4)).isInstanceOf(CardSimException.class);
        simulated.setTriesLeft(CardPin.CARD_INFO_PIN, 7);
        assertThat(simulated.triesLeft(CardPin.CARD_INFO_PIN)).isEqualTo(7);
    }

    @Test
    void aCardSitsInOneSlotAtATime() {
        SimulatedCard simulated = TestCards.card();
        slot.insert(simulated);
        assertThatThrownBy(() -> spare.insert(simulated))
                .isInstanceOfSatisfying(CardSimException.class, e -> assertThat(e.code())
                        .isEqualTo(CardSimException.Code.SLOT_OCCUPIED));
        assertThatThrownBy(() -> slot.insert(TestCards.card()))
                .isInstanceOfSatisfying(CardSimException.class, e -> assertThat(e.code())
                        .isEqualTo(CardSimException.Code.SLOT_OCCUPIED));
        slot.remove();
        spare.insert(simulated);
        assertThat(spare.cardPresent()).isTrue();
    }

    private static boolean waitForChange(CardTerminals terminals) {
        try {
            return terminals.waitForChange(0);
        } catch (CardException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitForCard(CardTerminal terminal, boolean present) {
        try {
            return present ? terminal.waitForCardPresent(0) : terminal.waitForCardAbsent(0);
        } catch (CardException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseAPDU sendUnchecked(Card card, String hex) {
        try {
            return send(card, hex);
        } catch (CardException e) {
            throw new IllegalStateException(e);
        }
    }
}
