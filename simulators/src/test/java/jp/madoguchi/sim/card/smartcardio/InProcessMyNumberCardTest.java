package jp.madoguchi.sim.card.smartcardio;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.MyNumberCardContract;
import jp.madoguchi.sim.card.SimulatedCard;
import org.junit.jupiter.api.AfterEach;

/** The card's APDU contract through the in-process javax.smartcardio adapter. */
class InProcessMyNumberCardTest extends MyNumberCardContract {
    private final CardSlot slot = new CardSlot("Simulated Reader 0");
    private final CardTerminal terminal =
            SimulatedTerminals.of(slot).terminalFactory().terminals().getTerminal("Simulated Reader 0");
    private Card connection;

    @Override
    protected void insertAndConnect(SimulatedCard card) throws Exception {
        slot.insert(card);
        connection = terminal.connect("*");
    }

    @Override
    protected CardChannel channel() {
        return connection.getBasicChannel();
    }

    @Override
    protected void resetAndReconnect() throws Exception {
        connection.disconnect(true);
        connection = terminal.connect("T=1");
    }

    @AfterEach
    void takeCardOut() throws Exception {
        if (connection != null) {
            connection.disconnect(false);
        }
        slot.remove();
    }
}
