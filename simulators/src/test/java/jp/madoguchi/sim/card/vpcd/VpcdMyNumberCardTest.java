package jp.madoguchi.sim.card.vpcd;

import java.time.Duration;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import jp.madoguchi.sim.card.CardPin;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.MyNumberCardContract;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.card.TestCards;
import jp.madoguchi.testing.RequiresStack;
import jp.madoguchi.testing.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The card's APDU contract through pcscd: our vpcd client feeds the card to pcscd's reader
 * "Virtual PCD 00 01", and the test talks to that reader with the JDK's PC/SC provider, as the
 * kiosk does. Each APDU crosses pcscd, so the card stays in the reader between tests and is reset
 * (counters back to their limits, a new card session) instead of re-inserted.
 */
@RequiresStack({Stack.PCSCD, Stack.VPCD})
class VpcdMyNumberCardTest extends MyNumberCardContract {
    private static final Duration PCSCD_NOTICES = Duration.ofSeconds(10);
    private static CardSlot slot;
    private static VpcdClient client;
    private static SimulatedCard shared;
    private static CardTerminal terminal;
    private Card connection;

    @BeforeAll
    static void startClient() throws Exception {
        slot = new CardSlot("vpcd contract");
        shared = TestCards.card();
        slot.insert(shared);
        PcscReaders.awaitEmptyReader();
        client = VpcdClient.start(slot, PcscReaders.TEST_PORT);
        terminal = PcscReaders.testReader();
        if (!terminal.waitForCardPresent(PCSCD_NOTICES.toMillis())) {
            throw new IllegalStateException("pcscd did not see the simulated card in " + PcscReaders.TEST_READER
                    + " (is another program using vpcd port " + PcscReaders.TEST_PORT + "?)");
        }
    }

    @AfterAll
    static void stopClient() throws Exception {
        if (client != null) {
            client.close();
            PcscReaders.awaitEmptyReader();
        }
    }

    @Override
    protected void start() throws Exception {
        card = shared;
        for (CardPin pin : CardPin.values()) {
            card.setTriesLeft(pin, pin.maxTries());
        }
        if (!slot.card().map(inSlot -> inSlot == shared).orElse(false)) {
            insertAndConnect(shared);
        } else {
            connection = terminal.connect("*");
            resetAndReconnect();
        }
    }

    @Override
    protected void insertAndConnect(SimulatedCard next) throws Exception {
        if (slot.cardPresent()) {
            slot.remove();
            terminal.waitForCardAbsent(PCSCD_NOTICES.toMillis());
        }
        slot.insert(next);
        if (!terminal.waitForCardPresent(PCSCD_NOTICES.toMillis())) {
            throw new IllegalStateException("pcscd did not see the reinserted card within " + PCSCD_NOTICES);
        }
        connection = terminal.connect("*");
    }

    @Override
    protected CardChannel channel() {
        return connection.getBasicChannel();
    }

    @Override
    protected void resetAndReconnect() throws Exception {
        connection.disconnect(true);
        connection = terminal.connect("*");
    }

    @AfterEach
    void disconnect() throws Exception {
        if (connection != null) {
            connection.disconnect(false);
        }
    }
}
