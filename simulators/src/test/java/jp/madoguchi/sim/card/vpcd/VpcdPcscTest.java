package jp.madoguchi.sim.card.vpcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.card.TestCards;
import jp.madoguchi.testing.RequiresStack;
import jp.madoguchi.testing.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vpcd client against the real pcscd: the card shows up, goes, comes back, and keeps its faults. */
@RequiresStack({Stack.PCSCD, Stack.VPCD})
class VpcdPcscTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final long PCSCD_NOTICES_MS = 10_000;

    private final CardSlot slot = new CardSlot("vpcd pcscd test");
    private VpcdClient client;

    @BeforeEach
    void readerStartsEmpty() throws Exception {
        PcscReaders.awaitEmptyReader();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        slot.remove();
        PcscReaders.testReader().waitForCardAbsent(PCSCD_NOTICES_MS);
    }

    private static ResponseAPDU send(Card card, String hex) throws CardException {
        return card.getBasicChannel().transmit(new CommandAPDU(HEX.parseHex(hex)));
    }

    @Test
    void cardShowsUpInTheVirtualReaderAndGoesWhenRemoved() throws Exception {
        CardTerminal reader = PcscReaders.testReader();
        client = VpcdClient.start(slot, PcscReaders.TEST_PORT);
        assertThat(reader.isCardPresent()).isFalse();
        slot.insert(TestCards.card());
        assertThat(reader.waitForCardPresent(PCSCD_NOTICES_MS)).isTrue();
        Card card = reader.connect("*");
        assertThat(card.getATR().getBytes()).isEqualTo(SimulatedCard.myNumberAtr());
        assertThat(card.getProtocol()).isEqualTo("T=1");
        assertThat(send(card, "00A4040C0AD392F000260100000001").getSW()).isEqualTo(0x9000);
        assertThat(client.state()).isEqualTo(VpcdClient.State.ACTIVE);

        slot.remove();
        assertThat(reader.waitForCardAbsent(PCSCD_NOTICES_MS)).isTrue();
        try {
            send(card, "00A4040C0AD392F000260100000001");
            throw new AssertionError("transmit to a removed card must fail");
        } catch (CardException expected) {
            assertThat(expected).hasStackTraceContaining("SCARD_W_REMOVED_CARD");
        }
    }

    @Test
    void readerSeesTheCardAgainAfterTheClientRestarts() throws Exception {
        CardTerminal reader = PcscReaders.testReader();
        slot.insert(TestCards.card());
        client = VpcdClient.start(slot, PcscReaders.TEST_PORT);
        assertThat(reader.waitForCardPresent(PCSCD_NOTICES_MS)).isTrue();
        client.close();
        assertThat(reader.waitForCardAbsent(PCSCD_NOTICES_MS)).isTrue();

        client = VpcdClient.start(slot, PcscReaders.TEST_PORT);
        assertThat(reader.waitForCardPresent(PCSCD_NOTICES_MS)).isTrue();
        Card card = reader.connect("*");
        assertThat(send(card, "00A4040C0AD392F000260100000001").getSW()).isEqualTo(0x9000);
        card.disconnect(false);
    }

    @Test
    void mutedCardHoldsTheTransmitUntilUnmutedAndLatencyApplies() throws Exception {
        CardTerminal reader = PcscReaders.testReader();
        SimulatedCard simulated = TestCards.card();
        slot.insert(simulated);
        client = VpcdClient.start(slot, PcscReaders.TEST_PORT);
        assertThat(reader.waitForCardPresent(PCSCD_NOTICES_MS)).isTrue();
        Card card = reader.connect("*");

        simulated.mute();
        CompletableFuture<ResponseAPDU> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return send(card, "00A4040C0AD392F000260100000001");
            } catch (CardException e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !answer.isDone());
        simulated.unmute();
        assertThat(answer.get(5, TimeUnit.SECONDS).getSW()).isEqualTo(0x9000);

        simulated.setLatency(Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThat(send(card, "00A4020C020006").getSW()).isEqualTo(0x9000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        send(card, "00A4020C020018");
        send(card, "002000800431323334");
        assertThat(slot.apduLog())
                .filteredOn(record -> record.isVerify())
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.pinDataMasked()).isTrue();
                    assertThat(record.command()).hasSize(5);
                });
        card.disconnect(true);
    }
}
