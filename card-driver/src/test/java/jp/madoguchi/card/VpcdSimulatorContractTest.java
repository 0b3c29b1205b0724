package jp.madoguchi.card;

import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.vpcd.VpcdClient;
import jp.madoguchi.testing.RequiresStack;
import jp.madoguchi.testing.Stack;

/**
 * The contract through the real PC/SC stack: the simulated card becomes pcscd's reader "Virtual
 * PCD 00 00" through the simulator's vpcd client, and the driver uses the JDK's PC/SC provider.
 */
@RequiresStack({Stack.PCSCD, Stack.VPCD})
class VpcdSimulatorContractTest extends JpkiCardContract {
    private static final CardReaders PCSC = CardReaders.pcsc().withResponseTimeout(RESPONSE_TIMEOUT);

    private VpcdClient client;

    @Override
    protected void connect(CardSlot slot) throws InterruptedException {
        client = VpcdClient.builder(slot).port(VpcdClient.DEFAULT_PORT).start();
        if (!client.awaitState(VpcdClient.State.ACTIVE, WAIT)) {
            throw new IllegalStateException("pcscd did not take the simulated card on port " + VpcdClient.DEFAULT_PORT
                    + " (state " + client.state() + ")");
        }
    }

    @Override
    protected void disconnect() {
        client.close();
    }

    @Override
    protected CardReaders readers() {
        return PCSC;
    }

    @Override
    protected String readerName() {
        return "Virtual PCD 00 00";
    }
}
