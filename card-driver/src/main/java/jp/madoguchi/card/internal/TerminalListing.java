package jp.madoguchi.card.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;

/** Lists readers and their cards through javax.smartcardio, with PC/SC failures made clear. */
public final class TerminalListing {
    private TerminalListing() {}

    public static List<CardTerminal> list(CardTerminals terminals) throws javax.smartcardio.CardException {
        try {
            return terminals.list();
        } catch (javax.smartcardio.CardException e) {
            // Some PC/SC versions report "no readers" as an error rather than an empty list.
            if (PcscFailures.code(e)
                    .filter("SCARD_E_NO_READERS_AVAILABLE"::equals)
                    .isPresent()) {
                return List.of();
            }
            throw e;
        }
    }

    /** Whether a card is in the reader; a reader that vanished meanwhile has none. */
    public static boolean cardPresent(CardTerminal terminal) throws javax.smartcardio.CardException {
        try {
            return terminal.isCardPresent();
        } catch (javax.smartcardio.CardException e) {
            Optional<String> code = PcscFailures.code(e);
            if (PcscFailures.cardGone(code)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Runs a reader call on its own daemon thread under {@code limit}; any failure becomes a
     * {@link CardException} (the provider may throw unchecked exceptions or block in pcscd).
     */
    public static <T> T bounded(Callable<T> call, Duration limit) {
        try (IoWorker worker = new IoWorker("card-reader-call")) {
            return bounded(worker, call, limit);
        }
    }

    /** As {@link #bounded(Callable, Duration)}, on a long-lived worker (the watch's). */
    static <T> T bounded(IoWorker worker, Callable<T> call, Duration limit) {
        try {
            return worker.call(call, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw listFailure(e);
        } catch (Exception e) {
            throw listFailure(e);
        }
    }

    /** The error for a failed listing. */
    static CardException listFailure(Exception e) {
        if (e instanceof CardException cardException) {
            return cardException;
        }
        if (PcscFailures.serviceDown(PcscFailures.code(e))) {
            return PcscFailures.serviceUnavailable(e);
        }
        if (e instanceof java.util.concurrent.TimeoutException) {
            return new CardException(
                    CardErrorCode.READER_UNAVAILABLE,
                    "the PC/SC service did not list the readers in time; restart pcscd (systemctl restart pcscd)",
                    e);
        }
        return new CardException(
                CardErrorCode.READER_UNAVAILABLE,
                "could not list the card readers (" + PcscFailures.describe(e) + "); check that pcscd runs"
                        + " (systemctl status pcscd) and the reader is plugged in",
                e);
    }
}
