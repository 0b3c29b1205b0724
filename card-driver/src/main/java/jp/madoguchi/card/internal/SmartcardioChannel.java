package jp.madoguchi.card.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ApduChannel} over a javax.smartcardio card: every call runs on the session's own
 * worker thread under the response timeout, and every failure of the provider (checked or not)
 * becomes a {@link CardException}. A card that times out or leaves breaks the session for good.
 */
public final class SmartcardioChannel implements ApduChannel {
    private static final Logger LOG = LoggerFactory.getLogger(SmartcardioChannel.class);
    /** Room for the longest extended answer (65536 data bytes and the status word). */
    private static final int RESPONSE_CAPACITY = 65536 + 2;
    /** How long close() waits for the reader to release the card (when no call is stuck). */
    private static final Duration DISCONNECT_WAIT = Duration.ofSeconds(1);

    private final CardTerminal terminal;
    private final String readerName;
    private final Card card;
    private final CardChannel basic;
    private final byte[] atr;
    private final IoWorker worker;
    private final Duration timeout;
    private final ByteBuffer response = ByteBuffer.allocate(RESPONSE_CAPACITY);
    private volatile boolean closed;
    /** Set once the session is unusable: later calls fail the same way at once. */
    private volatile CardException broken;

    private volatile String brokenReason;
    /** A call timed out and may still be running in the provider. */
    private volatile boolean stuck;

    private final AtomicBoolean disconnectQueued = new AtomicBoolean();

    private SmartcardioChannel(CardTerminal terminal, String readerName, Card card, IoWorker worker, Duration timeout) {
        this.terminal = terminal;
        this.readerName = readerName;
        this.card = card;
        this.basic = card.getBasicChannel();
        this.atr = card.getATR().getBytes();
        this.worker = worker;
        this.timeout = timeout;
    }

    /** Connects to the card in {@code terminal} (any protocol), within {@code timeout}. */
    public static SmartcardioChannel connect(CardTerminal terminal, String readerName, Duration timeout) {
        IoWorker worker = new IoWorker("card-io " + readerName);
        AtomicReference<Card> connected = new AtomicReference<>();
        try {
            return worker.call(
                    () -> {
                        Card card = terminal.connect("*");
                        connected.set(card);
                        holdExclusively(card, readerName);
                        return new SmartcardioChannel(terminal, readerName, card, worker, timeout);
                    },
                    timeout);
        } catch (TimeoutException e) {
            // The connect may still succeed later: release that card then, or its exclusive hold
            // would shut every later session (ours and other programs') out of the reader.
            worker.submit(() -> {
                Card late = connected.get();
                if (late != null) {
                    try {
                        late.disconnect(true);
                    } catch (Exception ignored) {
                        // nothing more to release
                    }
                }
            });
            worker.close();
            throw new CardException(
                    CardErrorCode.CARD_NOT_RESPONDING,
                    "the card in reader '" + readerName + "' did not answer within " + timeout.toMillis()
                            + " ms of power-up, or another program holds it; remove it and insert it again");
        } catch (InterruptedException e) {
            worker.close();
            Thread.currentThread().interrupt();
            throw new CardException(CardErrorCode.TRANSMISSION_FAILED, "interrupted while connecting to the card", e);
        } catch (Exception e) {
            worker.close();
            Optional<String> code = PcscFailures.code(e);
            if (e instanceof CardNotPresentException || PcscFailures.cardGone(code)) {
                throw new CardException(
                        CardErrorCode.NO_CARD, "no card in reader '" + readerName + "'; insert the My Number card", e);
            }
            if (PcscFailures.serviceDown(code)) {
                throw PcscFailures.serviceUnavailable(e);
            }
            throw new CardException(
                    CardErrorCode.TRANSMISSION_FAILED,
                    "could not connect to the card in reader '" + readerName + "' (" + PcscFailures.describe(e)
                            + "); remove the card and insert it again",
                    e);
        }
    }

    /**
     * Takes exclusive access for the session (SCardBeginTransaction; bound to the worker thread,
     * which makes every later call). Other programs probing cards (PKCS#11 middleware, browsers,
     * opensc tools) would otherwise slip APDUs or a reset between our VERIFY and our signature and
     * undo the card's verified state. A provider that cannot do it leaves the session shared.
     */
    private static void holdExclusively(Card card, String readerName) {
        try {
            card.beginExclusive();
        } catch (javax.smartcardio.CardException | RuntimeException e) {
            LOG.debug("no exclusive access to reader '{}': {}", readerName, PcscFailures.describe(e));
        }
    }

    /** The card's answer to reset. */
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public byte[] transmit(byte[] command) {
        if (closed) {
            throw new CardException(CardErrorCode.SESSION_CLOSED, "this card session is closed; open a new one");
        }
        CardException failure = broken;
        if (failure != null) {
            throw new CardException(failure.code(), brokenReason);
        }
        try {
            int length = worker.call(
                    () -> {
                        response.clear();
                        return basic.transmit(ByteBuffer.wrap(command), response);
                    },
                    timeout);
            byte[] answer = Arrays.copyOf(response.array(), length);
            Arrays.fill(response.array(), 0, length, (byte) 0);
            return answer;
        } catch (TimeoutException e) {
            CardException mute = breakSession(
                    CardErrorCode.CARD_NOT_RESPONDING,
                    "the card in reader '" + readerName + "' stopped answering (no answer within " + timeout.toMillis()
                            + " ms); remove it and insert it again",
                    null);
            stuck = true;
            disconnectAfterPendingCalls();
            throw mute;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stuck = true;
            disconnectAfterPendingCalls();
            throw breakSession(
                    CardErrorCode.TRANSMISSION_FAILED, "interrupted while waiting for the card; open a new session", e);
        } catch (Exception e) {
            throw translate(e);
        }
    }

    private CardException translate(Exception e) {
        Optional<String> code = PcscFailures.code(e);
        if (e instanceof CardNotPresentException || PcscFailures.cardGone(code) || !cardStillPresent()) {
            return breakSession(
                    CardErrorCode.CARD_REMOVED,
                    "the card was removed from reader '" + readerName + "' during the session; insert it again",
                    e);
        }
        if (PcscFailures.serviceDown(code)) {
            return breakSession(CardErrorCode.READER_UNAVAILABLE, PcscFailures.SERVICE_DOWN_ADVICE, e);
        }
        if (code.filter("SCARD_W_RESET_CARD"::equals).isPresent()) {
            return breakSession(
                    CardErrorCode.TRANSMISSION_FAILED,
                    "another program reset the card; remove the card and insert it again",
                    e);
        }
        return new CardException(
                CardErrorCode.TRANSMISSION_FAILED,
                "the reader '" + readerName + "' reported an error (" + PcscFailures.describe(e)
                        + "); remove the card and insert it again",
                e);
    }

    /** Asks the reader (briefly) whether the card is still in; unknown counts as present. */
    private boolean cardStillPresent() {
        try {
            return worker.call(terminal::isCardPresent, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            return true;
        }
    }

    private CardException breakSession(CardErrorCode code, String reason, Throwable cause) {
        CardException failure = new CardException(code, reason, cause);
        brokenReason = reason;
        broken = failure;
        return failure;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Future<?> disconnect = disconnectAfterPendingCalls();
        if (!stuck) {
            try {
                disconnect.get(DISCONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("releasing the card in reader '{}' did not finish: {}", readerName, e.toString());
            }
        }
        worker.close();
    }

    /**
     * Releases the card with a reset (so a verified PIN does not outlive the session) on the
     * session's worker, after any stuck call: the JDK shares one PC/SC context per JVM, and a
     * disconnect that overlaps a pending transmit on it breaks that context for every reader.
     */
    private Future<?> disconnectAfterPendingCalls() {
        if (!disconnectQueued.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return worker.submit(() -> {
                try {
                    card.disconnect(true);
                } catch (Exception e) {
                    LOG.debug("disconnecting from reader '{}' failed: {}", readerName, PcscFailures.describe(e));
                }
            });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
