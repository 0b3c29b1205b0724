package jp.madoguchi.sim.card.vpcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.card.TestCards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The vpcd client against a scripted reader on loopback: message framing, removal, mute, reader
 * restarts and stopping. The real pcscd is in {@link VpcdPcscTest}.
 */
class VpcdClientTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SELECT_JPKI = HEX.parseHex("00A4040C0AD392F000260100000001");

    private final CardSlot slot = new CardSlot("vpcd test");
    private FakeVpcdReader reader;
    private VpcdClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (reader != null) {
            reader.close();
        }
        slot.remove();
    }

    private VpcdClient startClient(int port) {
        return VpcdClient.builder(slot)
                .port(port)
                .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .start();
    }

    @Test
    void answersAtrRequestsAndApdusInLengthPrefixedMessages() throws Exception {
        reader = FakeVpcdReader.listen();
        SimulatedCard card = TestCards.card();
        slot.insert(card);
        client = startClient(reader.port());
        reader.acceptCard();
        assertThat(reader.atr()).isEqualTo(SimulatedCard.myNumberAtr());
        reader.control(VpcdConnection.POWER_ON);
        assertThat(reader.transmit(SELECT_JPKI)).isEqualTo(HEX.parseHex("9000"));
        assertThat(client.awaitState(VpcdClient.State.ACTIVE, Duration.ofSeconds(2)))
                .isTrue();
        assertThat(reader.transmit(HEX.parseHex("00A4020C020006"))).isEqualTo(HEX.parseHex("9000"));
        byte[] token = reader.transmit(HEX.parseHex("00B0000020"));
        assertThat(new String(token, 0, 15, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("JPKIAPICCTOKEN2");
        assertThat(slot.apduLog()).hasSize(3);
    }

    @Test
    void waitsForACardBeforeConnectingAndHangsUpWhenItIsRemoved() throws Exception {
        reader = FakeVpcdReader.listen();
        client = startClient(reader.port());
        assertThat(client.awaitState(VpcdClient.State.WAITING_FOR_CARD, Duration.ofSeconds(2)))
                .isTrue();
        assertThat(client.connections()).isZero();

        slot.insert(TestCards.card());
        reader.acceptCard();
        assertThat(reader.atr()).hasSize(13);
        slot.remove();
        assertThat(reader.cardHungUp()).isTrue();
        assertThat(client.awaitState(VpcdClient.State.WAITING_FOR_CARD, Duration.ofSeconds(2)))
                .isTrue();

        slot.insert(SimulatedCard.foreign());
        reader.acceptCard();
        assertThat(reader.atr()).isNotEqualTo(SimulatedCard.myNumberAtr());
        assertThat(reader.transmit(SELECT_JPKI)).isEqualTo(HEX.parseHex("6A82"));
        assertThat(client.connections()).isEqualTo(2);
    }

    @Test
    void mutedCardSendsNoAnswerUntilUnmuted() throws Exception {
        reader = FakeVpcdReader.listen();
        SimulatedCard card = TestCards.card();
        slot.insert(card);
        client = startClient(reader.port());
        reader.acceptCard();
        card.mute();
        reader.send(SELECT_JPKI);
        assertThat(reader.answersWithin(Duration.ofMillis(300))).isFalse();
        card.unmute();
        assertThat(reader.receive()).isEqualTo(HEX.parseHex("9000"));
    }

    @Test
    void mutedCardThatIsRemovedHangsUpWithoutAnswering() throws Exception {
        reader = FakeVpcdReader.listen();
        SimulatedCard card = TestCards.card();
        slot.insert(card);
        client = startClient(reader.port());
        reader.acceptCard();
        card.mute();
        reader.send(SELECT_JPKI);
        assertThat(reader.answersWithin(Duration.ofMillis(100))).isFalse();
        slot.remove();
        assertThat(reader.cardHungUp()).isTrue();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(slot.apduLog())
                .singleElement()
                .satisfies(record -> assertThat(record.answered()).isFalse()));
    }

    @Test
    void powerOffEndsTheCardSession() throws Exception {
        reader = FakeVpcdReader.listen();
        slot.insert(TestCards.card());
        client = startClient(reader.port());
        reader.acceptCard();
        reader.control(VpcdConnection.POWER_ON);
        reader.transmit(SELECT_JPKI);
        reader.transmit(HEX.parseHex("00A4020C020018"));
        assertThat(reader.transmit(HEX.parseHex("002000800431323334"))).isEqualTo(HEX.parseHex("9000"));
        reader.control(VpcdConnection.POWER_OFF);
        reader.control(VpcdConnection.POWER_ON);
        reader.transmit(SELECT_JPKI);
        reader.transmit(HEX.parseHex("00A4020C020017"));
        assertThat(reader.transmit(HEX.parseHex("802A0080010100"))).isEqualTo(HEX.parseHex("6982"));
    }

    @Test
    void reconnectsWhenTheReaderGoesAwayAndComesBack() throws Exception {
        reader = FakeVpcdReader.listen();
        int port = reader.port();
        slot.insert(TestCards.card());
        client = startClient(port);
        reader.acceptCard();
        assertThat(reader.atr()).hasSize(13);

        // pcscd drops the connection (restart): the client connects again.
        reader.dropCard();
        reader.acceptCard();
        assertThat(reader.atr()).hasSize(13);
        assertThat(client.connections()).isEqualTo(2);

        // pcscd is gone for a while: connects are refused, the client keeps trying.
        reader.close();
        await().atMost(Duration.ofSeconds(2)).until(() -> client.state() == VpcdClient.State.CONNECTING);
        reader = FakeVpcdReader.listen(port);
        reader.acceptCard();
        assertThat(reader.atr()).hasSize(13);
        assertThat(client.connections()).isEqualTo(3);
    }

    @Test
    void closeHangsUpAndStops() throws Exception {
        reader = FakeVpcdReader.listen();
        SimulatedCard card = TestCards.card();
        slot.insert(card);
        client = startClient(reader.port());
        reader.acceptCard();
        card.mute();
        reader.send(SELECT_JPKI);
        client.close();
        assertThat(client.state()).isEqualTo(VpcdClient.State.STOPPED);
        assertThat(reader.cardHungUp()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("vpcd-127.0.0.1:" + reader.port()));
    }
}
