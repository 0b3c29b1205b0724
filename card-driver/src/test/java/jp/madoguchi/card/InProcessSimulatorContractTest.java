package jp.madoguchi.card;

import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.smartcardio.SimulatedTerminals;

/** The contract through the card simulator's in-process javax.smartcardio terminal. */
class InProcessSimulatorContractTest extends JpkiCardContract {
    private CardReaders readers;

    @Override
    protected void connect(CardSlot slot) {
        readers =
                CardReaders.over(SimulatedTerminals.of(slot).terminalFactory()).withResponseTimeout(RESPONSE_TIMEOUT);
    }

    @Override
    protected void disconnect() {}

    @Override
    protected CardReaders readers() {
        return readers;
    }

    @Override
    protected String readerName() {
        return slot.name();
    }
}
