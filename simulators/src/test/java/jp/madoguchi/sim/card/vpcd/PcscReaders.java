package jp.madoguchi.sim.card.vpcd;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/** The system's PC/SC readers (pcscd) through the JDK, for the tests that run against pcscd. */
final class PcscReaders {
    /** vpcd port the simulator tests use; 35963 stays free for `./kiosk sim card`. */
    static final int TEST_PORT = 35964;
    /** The pcscd reader name of {@link #TEST_PORT} with Debian's vpcd configuration. */
    static final String TEST_READER = "Virtual PCD 00 01";

    private PcscReaders() {}

    /**
     * Waits until pcscd shows the test reader empty. pcscd notices a closed vpcd connection only
     * at its next poll, so a test class that starts its client while the previous class's card is
     * still shown would see that stale card go away under it.
     */
    static void awaitEmptyReader() throws CardException {
        if (!testReader().waitForCardAbsent(10_000)) {
            throw new IllegalStateException("pcscd still shows a card in " + TEST_READER
                    + " after 10 s: is another program using vpcd port " + TEST_PORT + "?");
        }
    }

    /** The vpcd reader of {@link #TEST_PORT}, from the JDK's PC/SC provider. */
    static CardTerminal testReader() throws CardException {
        CardTerminal terminal = TerminalFactory.getDefault().terminals().getTerminal(TEST_READER);
        if (terminal == null) {
            throw new IllegalStateException("pcscd has no reader '" + TEST_READER
                    + "': is the vpcd driver installed (apt-get install vsmartcard-vpcd) and pcscd restarted?");
        }
        return terminal;
    }
}
