package jp.madoguchi.card.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import jp.madoguchi.card.CardEvent;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.CardWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the readers from one daemon thread and reports differences between snapshots as {@link
 * CardEvent}s. It blocks in {@link CardTerminals#waitForChange(long)} for at most one poll
 * interval, then lists the readers again (the provider does not report readers that come or go),
 * so it never spins and notices {@link #close()} within about one interval.
 */
public final class ReaderWatcher implements CardWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderWatcher.class);

    private final TerminalSource source;
    private final Consumer<CardEvent> listener;
    private final Duration pollInterval;
    private final Duration callLimit;
    private final CountDownLatch stop = new CountDownLatch(1);
    /** Lists readers for the watch under the call limit, one thread for the watch's life. */
    private final IoWorker lister = new IoWorker("card-reader-list");

    private final Thread thread;
    private volatile boolean closed;

    private ReaderWatcher(
            TerminalSource source, Consumer<CardEvent> listener, Duration pollInterval, Duration callLimit) {
        this.source = source;
        this.listener = listener;
        this.pollInterval = pollInterval;
        this.callLimit = callLimit;
        this.thread = new Thread(this::run, "card-reader-watch");
        this.thread.setDaemon(true);
    }

    /** Starts a watch; the first events describe the readers and cards present now. */
    public static ReaderWatcher start(
            TerminalSource source, Consumer<CardEvent> listener, Duration pollInterval, Duration callLimit) {
        ReaderWatcher watcher = new ReaderWatcher(source, listener, pollInterval, callLimit);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        Map<String, Boolean> previous = new LinkedHashMap<>();
        CardTerminals terminals = null;
        while (!closed) {
            Map<String, Boolean> current;
            try {
                if (terminals == null) {
                    terminals = source.terminals();
                }
                current = snapshot(terminals);
            } catch (CardException e) {
                // pcscd stopped or is not there yet: every reader is gone; look again later.
                LOG.debug("reader list unavailable: {}", e.code());
                terminals = null;
                current = Map.of();
            }
            report(previous, current);
            previous = current;
            if (closed) {
                break;
            }
            long started = System.nanoTime();
            boolean changed = !current.isEmpty() && waitForChange(terminals);
            if (!changed) {
                // Without readers there is nothing to wait on, and some providers return at once;
                // either way pause for the rest of the interval (woken early by close()).
                long remaining = pollInterval.toNanos() - (System.nanoTime() - started);
                if (remaining > 0) {
                    try {
                        stop.await(remaining, TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        break;
                    }
                }
            }
        }
    }

    private boolean waitForChange(CardTerminals terminals) {
        try {
            return terminals.waitForChange(Math.max(1, pollInterval.toMillis()));
        } catch (Exception e) {
            // A reader vanished mid-wait, or the provider has no readers: the next listing tells.
            LOG.debug("waitForChange failed: {}", PcscFailures.describe(e));
            return false;
        }
    }

    private Map<String, Boolean> snapshot(CardTerminals terminals) {
        return TerminalListing.bounded(
                lister,
                () -> {
                    Map<String, Boolean> state = new LinkedHashMap<>();
                    for (CardTerminal terminal : TerminalListing.list(terminals)) {
                        state.put(terminal.getName(), TerminalListing.cardPresent(terminal));
                    }
                    return state;
                },
                callLimit);
    }

    private void report(Map<String, Boolean> previous, Map<String, Boolean> current) {
        previous.forEach((name, hadCard) -> {
            if (!current.containsKey(name)) {
                if (hadCard) {
                    deliver(new CardEvent(CardEvent.Type.CARD_REMOVED, name));
                }
                deliver(new CardEvent(CardEvent.Type.READER_LOST, name));
            } else if (hadCard && !current.get(name)) {
                deliver(new CardEvent(CardEvent.Type.CARD_REMOVED, name));
            }
        });
        current.forEach((name, hasCard) -> {
            Boolean had = previous.get(name);
            if (had == null) {
                deliver(new CardEvent(CardEvent.Type.READER_ADDED, name));
            }
            if (hasCard && (had == null || !had)) {
                deliver(new CardEvent(CardEvent.Type.CARD_INSERTED, name));
            }
        });
    }

    private void deliver(CardEvent event) {
        if (closed) {
            return;
        }
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            // One faulty listener must not end the watch.
            LOG.warn("card event listener failed on {}: {}", event.type(), e.toString());
        }
    }

    /** Stops the thread and waits for it to end (at most the poll interval plus the call limit). */
    @Override
    public void close() {
        closed = true;
        lister.close();
        stop.countDown();
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(pollInterval.plus(callLimit).toMillis() + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** For tests: whether the watch thread has ended. */
    public boolean isStopped() {
        return !thread.isAlive();
    }
}
