package jp.madoguchi.card.internal;

import java.security.NoSuchAlgorithmException;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;

/**
 * Where readers come from: a given {@link TerminalFactory} (e.g. a simulator's), or the system's
 * PC/SC service, created on first use and retried on later uses while pcscd is not running.
 */
public final class TerminalSource {
    private final TerminalFactory given;
    private TerminalFactory pcsc;

    private TerminalSource(TerminalFactory given) {
        this.given = given;
    }

    public static TerminalSource of(TerminalFactory factory) {
        return new TerminalSource(java.util.Objects.requireNonNull(factory, "factory"));
    }

    public static TerminalSource pcsc() {
        return new TerminalSource(null);
    }

    /** The readers; throws {@link CardErrorCode#READER_UNAVAILABLE} when PC/SC cannot be used. */
    public synchronized CardTerminals terminals() {
        if (given != null) {
            return given.terminals();
        }
        if (pcsc == null) {
            pcsc = createPcscFactory();
        }
        return pcsc.terminals();
    }

    private static TerminalFactory createPcscFactory() {
        PcscLibraryLocation.applyIfNeeded();
        try {
            return TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException | RuntimeException | LinkageError e) {
            if (PcscFailures.serviceDown(PcscFailures.code(e))) {
                throw PcscFailures.serviceUnavailable(e);
            }
            throw new CardException(
                    CardErrorCode.READER_UNAVAILABLE,
                    "the Java PC/SC provider cannot start (" + PcscFailures.describe(e) + "): install the PC/SC"
                            + " library and daemon (apt-get install libpcsclite1 pcscd), or set -D"
                            + PcscLibraryLocation.PROPERTY + "=<path to libpcsclite.so.1>",
                    e);
        }
    }
}
