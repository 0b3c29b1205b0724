package jp.madoguchi.sim.card.vpcd;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import jp.madoguchi.sim.card.CardContact;
import jp.madoguchi.sim.card.CardSimException;
import jp.madoguchi.sim.card.CardSlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vpcd adapter: makes the card in a {@link CardSlot} a card in one of pcscd's virtual
 * readers (vsmartcard's vpcd driver), so that any PC/SC client (the kiosk, {@code opensc-tool},
 * {@code pcsc_scan}) sees it. With Debian's vpcd configuration, TCP port 35963 is the reader
 * "Virtual PCD 00 00" and 35964 is "Virtual PCD 00 01".
 *
 * <p>A card in the slot is a TCP connection to pcscd; removing it closes the connection, inserting
 * one opens a new one. When pcscd goes away (restart), the client reconnects with a bounded
 * exponential backoff. One thread per client, which blocks on the socket or on a condition, never
 * polling. {@link #close()} stops it (call it from a shutdown hook for SIGTERM).
 *
 * <pre>{@code
 * CardSlot slot = new CardSlot("vpcd 35963");
 * slot.insert(card);
 * try (VpcdClient client = VpcdClient.builder(slot).port(35963).start()) {
 *     client.awaitState(VpcdClient.State.ACTIVE, Duration.ofSeconds(5));
 *     ...
 * }
 * }</pre>
 */
public final class VpcdClient implements AutoCloseable {
    /** vpcd's first port: the reader "Virtual PCD 00 00". */
    public static final int DEFAULT_PORT = 35963;

    private static final Logger log = LoggerFactory.getLogger(VpcdClient.class);

    /** Where the client is. */
    public enum State {
        /** The slot is empty: not connected (pcscd shows no card). */
        WAITING_FOR_CARD,
        /** A card is in; connecting to pcscd, or waiting to retry. */
        CONNECTING,
        /** Connected; pcscd has not talked to the card yet. */
        CONNECTED,
        /** pcscd talks to the card: PC/SC clients see it. */
        ACTIVE,
        /** Closed. */
        STOPPED
    }

    private final CardSlot slot;
    private final InetSocketAddress address;
    private final Duration connectTimeout;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private final AutoCloseable slotSubscription;
    private final Consumer<State> stateListener;

    // guarded by lock
    private State state = State.WAITING_FOR_CARD;
    private boolean closed;
    private Socket socket;
    private long connections;

    private VpcdClient(Builder builder) {
        this.slot = builder.slot;
        this.address = new InetSocketAddress(builder.host, builder.port);
        this.connectTimeout = builder.connectTimeout;
        this.minBackoff = builder.minBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.stateListener = builder.stateListener;
        this.slotSubscription = slot.onChange(this::slotChanged);
        this.thread = new Thread(this::run, "vpcd-" + builder.host + ":" + builder.port);
        this.thread.setDaemon(true);
    }

    /** Settings for a client of {@code slot}; defaults: 127.0.0.1:35963, backoff 100 ms to 2 s. */
    public static Builder builder(CardSlot slot) {
        return new Builder(slot);
    }

    /** Starts a client of {@code slot} on 127.0.0.1:{@code port}. */
    public static VpcdClient start(CardSlot slot, int port) {
        return builder(slot).port(port).start();
    }

    /** Settings of a {@link VpcdClient}. */
    public static final class Builder {
        private final CardSlot slot;
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration minBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private Consumer<State> stateListener = state -> {};

        private Builder(CardSlot slot) {
            this.slot = Objects.requireNonNull(slot, "slot");
        }

        /** Where pcscd's vpcd driver listens (default 127.0.0.1). */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** vpcd's port: 35963 is "Virtual PCD 00 00", 35964 "Virtual PCD 00 01". */
        public Builder port(int value) {
            if (value < 1 || value > 65535) {
                throw new CardSimException(
                        CardSimException.Code.INVALID_INPUT, "vpcd port must be 1-65535, not " + value);
            }
            this.port = value;
            return this;
        }

        /** Limit for one TCP connect (default 2 s). */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connect timeout");
            return this;
        }

        /** Reconnect delays: the first, doubling up to the last (defaults 100 ms and 2 s). */
        public Builder reconnectBackoff(Duration first, Duration last) {
            positive(first, "first backoff");
            positive(last, "last backoff");
            if (last.compareTo(first) < 0) {
                throw new CardSimException(
                        CardSimException.Code.INVALID_INPUT, "the last backoff must not be shorter than the first");
            }
            this.minBackoff = first;
            this.maxBackoff = last;
            return this;
        }

        /**
         * Called with each new state, on the client's thread (or the closing one for {@link
         * State#STOPPED}); keep it short.
         */
        public Builder onStateChange(Consumer<State> listener) {
            this.stateListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Starts the client's thread. */
        public VpcdClient start() {
            VpcdClient client = new VpcdClient(this);
            client.thread.start();
            return client;
        }

        private static Duration positive(Duration value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.isZero()) {
                throw new CardSimException(CardSimException.Code.INVALID_INPUT, what + " must be positive");
            }
            return value;
        }
    }

    /** Host and port of pcscd's vpcd driver. */
    public InetSocketAddress address() {
        return address;
    }

    public State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** How many times the client connected to pcscd so far. */
    public long connections() {
        lock.lock();
        try {
            return connections;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the client is in {@code wanted} (true) or {@code timeout} passes (false). */
    public boolean awaitState(State wanted, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (state != wanted) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = wake.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the client: the connection closes (pcscd sees the card go) and the thread ends. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeSocket();
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            slotSubscription.close();
        } catch (Exception e) {
            // removing a listener cannot fail
        }
        // Interrupt a card exchange that waits (muted card) so the thread can end.
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        setState(State.STOPPED);
    }

    private void run() {
        Duration backoff = minBackoff;
        boolean reportedRefusal = false;
        try {
            while (!isClosed()) {
                Optional<CardContact> contact = slot.currentContact();
                if (contact.isEmpty()) {
                    setState(State.WAITING_FOR_CARD);
                    awaitCard();
                    continue;
                }
                setState(State.CONNECTING);
                Socket connected = new Socket();
                try {
                    connected.connect(address, (int) connectTimeout.toMillis());
                    connected.setTcpNoDelay(true);
                } catch (IOException e) {
                    closeQuietly(connected);
                    if (!reportedRefusal) {
                        log.warn(
                                "vpcd at {} refused the card ({}); is pcscd running with the vpcd driver? Retrying",
                                address,
                                e.getMessage());
                        reportedRefusal = true;
                    }
                    backOff(backoff);
                    backoff = min(backoff.multipliedBy(2), maxBackoff);
                    continue;
                }
                if (!adopt(connected, contact.get())) {
                    continue;
                }
                reportedRefusal = false;
                backoff = minBackoff;
                log.info("card in {} connected to vpcd at {}", slot.name(), address);
                VpcdConnection.End end;
                try {
                    end = new VpcdConnection(connected, contact.get()).serve(() -> setState(State.ACTIVE));
                } catch (IOException e) {
                    end = contact.get().inserted() ? VpcdConnection.End.READER_CLOSED : VpcdConnection.End.CARD_GONE;
                }
                release(connected);
                if (end == VpcdConnection.End.READER_CLOSED
                        && !isClosed()
                        && contact.get().inserted()) {
                    log.warn("vpcd at {} closed the connection (pcscd stopped?); reconnecting", address);
                    setState(State.CONNECTING);
                    backOff(backoff);
                    backoff = min(backoff.multipliedBy(2), maxBackoff);
                } else {
                    log.info("card in {} disconnected from vpcd at {}", slot.name(), address);
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts to end the thread
        } finally {
            lock.lock();
            try {
                closeSocket();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Records the new connection unless the client closed or the card left meanwhile. */
    private boolean adopt(Socket connected, CardContact contact) {
        lock.lock();
        try {
            if (closed || !contact.inserted()) {
                closeQuietly(connected);
                return false;
            }
            socket = connected;
            connections++;
        } finally {
            lock.unlock();
        }
        setState(State.CONNECTED);
        return true;
    }

    private void release(Socket connected) {
        lock.lock();
        try {
            if (socket == connected) {
                socket = null;
            }
        } finally {
            lock.unlock();
        }
        closeQuietly(connected);
    }

    private void slotChanged() {
        lock.lock();
        try {
            // A removed card ends its connection: pcscd sees the card go.
            if (socket != null && !slot.cardPresent()) {
                closeSocket();
            }
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a card is in the slot or close(). */
    private void awaitCard() throws InterruptedException {
        lock.lock();
        try {
            // Checked under the lock: the slot's change listener signals under it too.
            while (!closed && slot.currentContact().isEmpty()) {
                wake.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits {@code delay} before the next connect, ending early on close() or a slot change. */
    private void backOff(Duration delay) throws InterruptedException {
        long seen = slot.changeCount();
        lock.lock();
        try {
            long nanos = delay.toNanos();
            while (!closed && slot.changeCount() == seen && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void setState(State next) {
        boolean changed;
        lock.lock();
        try {
            changed = state != next && state != State.STOPPED;
            if (changed) {
                state = next;
            }
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (changed) {
            notifyListener(next);
        }
    }

    private void notifyListener(State next) {
        try {
            stateListener.accept(next);
        } catch (RuntimeException e) {
            log.warn("vpcd state listener failed: {}", e.toString());
        }
    }

    private void closeSocket() {
        if (socket != null) {
            closeQuietly(socket);
            socket = null;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "VpcdClient[" + slot.name() + " -> " + address + ", " + state() + "]";
    }
}
