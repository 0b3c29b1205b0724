package jp.madoguchi.sim.card;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A place a simulated card sits in: the engine's view of a card reader. Adapters make it visible
 * to PC/SC clients: {@code SimulatedTerminals} as an in-process {@code javax.smartcardio} terminal,
 * {@code VpcdClient} as pcscd's vpcd reader. Tests drive it:
 *
 * <pre>{@code
 * CardSlot slot = new CardSlot("Simulated Reader 0");
 * slot.insert(card);
 * ...
 * slot.remove();                  // transmit now fails as with a real reader
 * slot.swap(otherResidentsCard);  // removal and insertion, two events
 * slot.apduLog();                 // what the host sent (PIN data left out)
 * }</pre>
 *
 * Thread-safe. Waiting methods block on a condition (no polling) and honour their timeouts.
 */
public final class CardSlot {
    /** How many APDU records a slot keeps (the oldest go first). */
    public static final int APDU_LOG_CAPACITY = 10_000;

    private static final Logger log = LoggerFactory.getLogger(CardSlot.class);

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<ApduRecord> apduLog = new ArrayDeque<>();

    // guarded by lock
    private CardContact contact;
    private long changes;

    /** An empty slot called {@code name} (the reader name in-process adapters show). */
    public CardSlot(String name) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new CardSimException(CardSimException.Code.INVALID_INPUT, "a card slot needs a name");
        }
    }

    public String name() {
        return name;
    }

    /**
     * Puts {@code card} into the slot. Its session starts unpowered, as with a real insertion.
     *
     * @throws CardSimException {@link CardSimException.Code#SLOT_OCCUPIED} if a card is in this
     *     slot already or {@code card} is in another slot
     */
    public void insert(SimulatedCard card) {
        Objects.requireNonNull(card, "card");
        lock.lock();
        try {
            if (contact != null) {
                throw new CardSimException(
                        CardSimException.Code.SLOT_OCCUPIED,
                        name + " already holds a card; remove it first or use swap()");
            }
            if (!card.slotHolder().compareAndSet(null, this)) {
                throw new CardSimException(
                        CardSimException.Code.SLOT_OCCUPIED,
                        card + " is in " + card.slotHolder().get().name() + "; remove it there first");
            }
            card.powerOff();
            contact = new CardContact(this, card);
            changes++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        log.debug("{}: card inserted", name);
        fireChange();
    }

    /** Takes the card out; transmissions in progress fail with {@code CARD_REMOVED}. */
    public Optional<SimulatedCard> remove() {
        CardContact removed;
        lock.lock();
        try {
            removed = contact;
            if (removed == null) {
                return Optional.empty();
            }
            contact = null;
            changes++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        removed.detach();
        SimulatedCard card = removed.card();
        card.powerOff();
        card.slotHolder().set(null);
        log.debug("{}: card removed", name);
        fireChange();
        return Optional.of(card);
    }

    /** Removes the card in the slot, if any, and inserts {@code card}. */
    public void swap(SimulatedCard card) {
        Objects.requireNonNull(card, "card");
        remove();
        insert(card);
    }

    /** The card in the slot, if any. */
    public Optional<SimulatedCard> card() {
        return currentContact().map(CardContact::card);
    }

    public boolean cardPresent() {
        return currentContact().isPresent();
    }

    /** The contact with the card of the current insertion, if a card is in. */
    public Optional<CardContact> currentContact() {
        lock.lock();
        try {
            return Optional.ofNullable(contact);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The contact with the card of the current insertion.
     *
     * @throws CardSimException {@link CardSimException.Code#NO_CARD} if the slot is empty
     */
    public CardContact contact() {
        return currentContact()
                .orElseThrow(() ->
                        new CardSimException(CardSimException.Code.NO_CARD, name + " holds no card; insert one first"));
    }

    /** How many insertions and removals happened so far (for waiting on the next one). */
    public long changeCount() {
        lock.lock();
        try {
            return changes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the change count differs from {@code seen} or {@code timeout} passes.
     *
     * @return true if a change happened
     */
    public boolean awaitChange(long seen, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (changes == seen) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a card is in the slot (true) or {@code timeout} passes (false). */
    public boolean awaitCardPresent(Duration timeout) throws InterruptedException {
        return awaitPresence(true, timeout);
    }

    /** Waits until the slot is empty (true) or {@code timeout} passes (false). */
    public boolean awaitCardAbsent(Duration timeout) throws InterruptedException {
        return awaitPresence(false, timeout);
    }

    /**
     * Calls {@code listener} after every insertion and removal, on the thread that made it.
     * Close the returned handle to stop.
     */
    public AutoCloseable onChange(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The APDUs the cards in this slot received, oldest first (at most {@link #APDU_LOG_CAPACITY}). */
    public List<ApduRecord> apduLog() {
        synchronized (apduLog) {
            return List.copyOf(apduLog);
        }
    }

    /** Forgets the APDU log. */
    public void clearApduLog() {
        synchronized (apduLog) {
            apduLog.clear();
        }
    }

    @Override
    public String toString() {
        return "CardSlot[" + name + "]";
    }

    void record(ApduRecord record) {
        synchronized (apduLog) {
            if (apduLog.size() == APDU_LOG_CAPACITY) {
                apduLog.removeFirst();
            }
            apduLog.addLast(record);
        }
    }

    private boolean awaitPresence(boolean present, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while ((contact != null) != present) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void fireChange() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("{}: a change listener failed: {}", name, e.toString());
            }
        }
    }
}
