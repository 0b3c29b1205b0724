package jp.madoguchi.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.sim.card.ApduRecord;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.vpcd.VpcdClient;
import jp.madoguchi.testing.RequiresStack;
import jp.madoguchi.testing.Stack;
import org.junit.jupiter.api.Test;

/**
 * The contract through the real PC/SC stack: the simulated card becomes pcscd's reader "Virtual
 * PCD 00 00" through the simulator's vpcd client, and the driver uses the JDK's PC/SC provider.
 */
@RequiresStack({Stack.PCSCD, Stack.VPCD})
class VpcdSimulatorContractTest extends JpkiCardContract {
    private static final CardReaders PCSC = CardReaders.pcsc().withResponseTimeout(RESPONSE_TIMEOUT);

    private VpcdClient client;

    /**
     * A second PC/SC program (opensc-tool, which probes the card and selects another AP) must not
     * get between the driver's VERIFY and its signature: the session holds the card exclusively,
     * so the other program's APDUs reach the card only after the session ends.
     */
    @Test
    void anotherProgramCannotCutIntoTheSessionBetweenVerifyAndSign() throws Exception {
        String otherProgramsReader = openscReaderNumber();
        long ours;
        Process other = null;
        try {
            try (JpkiCard session = readers().open(readerName())) {
                session.verifyAuthPin(SimulatorCards.AUTH_PIN.toCharArray());
                other = new ProcessBuilder(
                                "opensc-tool",
                                "--reader",
                                otherProgramsReader,
                                "--send-apdu",
                                "00:A4:04:0C:0A:D3:92:10:00:31:00:01:01:04:08")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                // Give the other program every chance to cut in (it waits for our transaction).
                assertThat(other.waitFor(1, TimeUnit.SECONDS))
                        .as("opensc-tool waits for the card")
                        .isFalse();
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(new byte[] {7});
                assertThat(session.signWithAuthKey(digest)).hasSize(256);
                ours = session.apduCount();
            }
            assertThat(other.waitFor(30, TimeUnit.SECONDS))
                    .as("opensc-tool ran once the session ended")
                    .isTrue();
            List<ApduRecord> log = slot.apduLog();
            assertThat(log.size()).as("opensc-tool reached the card").isGreaterThan((int) ours);
            ApduRecord lastOfOurs = log.get((int) ours - 1);
            assertThat(lastOfOurs.ins())
                    .as("our signature came before any of its APDUs")
                    .isEqualTo(0x2A);
            assertThat(lastOfOurs.statusWord()).isEqualTo(0x9000);
        } finally {
            if (other != null) {
                other.destroyForcibly();
            }
        }
    }

    /** opensc-tool numbers readers in PC/SC order; find ours in its list (before any session). */
    private String openscReaderNumber() throws Exception {
        Process list = new ProcessBuilder("opensc-tool", "--list-readers")
                .redirectErrorStream(true)
                .start();
        try {
            if (!list.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("opensc-tool --list-readers did not finish");
            }
            String output = new String(list.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return output.lines()
                    .filter(line -> line.endsWith(readerName()))
                    .map(line -> line.trim().split("\\s+")[0])
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("opensc-tool does not list " + readerName() + ":\n" + output));
        } finally {
            list.destroyForcibly();
        }
    }

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
