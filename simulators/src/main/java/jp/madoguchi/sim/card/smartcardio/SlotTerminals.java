package jp.madoguchi.sim.card.smartcardio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/**
 * A view of the simulated terminals with its own event state, as the JDK gives one per {@link
 * javax.smartcardio.TerminalFactory#terminals()} call. {@link #waitForChange(long)} blocks on a
 * condition signalled by the slots; the first call remembers the current state and then waits.
 * A card swapped between two calls counts as both removal and insertion.
 */
final class SlotTerminals extends CardTerminals {
    private final List<SlotTerminal> terminals;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // guarded by lock
    private Map<SlotTerminal, Seen> seen;
    private Map<SlotTerminal, Seen> previous;

    private record Seen(boolean present, long changes) {}

    SlotTerminals(List<SlotTerminal> terminals) {
        this.terminals = terminals;
    }

    @Override
    public List<CardTerminal> list(State state) throws CardException {
        if (state == null) {
            throw new NullPointerException("state");
        }
        lock.lock();
        try {
            List<CardTerminal> result = new ArrayList<>();
            for (SlotTerminal terminal : terminals) {
                boolean present = terminal.slot().cardPresent();
                boolean include =
                        switch (state) {
                            case ALL -> true;
                            case CARD_PRESENT -> present;
                            case CARD_ABSENT -> !present;
                                // Before the first waitForChange, events read as states (as the JDK does).
                            case CARD_INSERTION -> seen == null ? present : inserted(terminal);
                            case CARD_REMOVAL -> seen == null ? !present : removed(terminal);
                        };
                if (include) {
                    result.add(terminal);
                }
            }
            return List.copyOf(result);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean waitForChange(long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("Timeout must not be negative: " + timeout);
        }
        if (terminals.isEmpty()) {
            throw new IllegalStateException("No terminals available");
        }
        List<AutoCloseable> subscriptions = new ArrayList<>();
        lock.lock();
        try {
            for (SlotTerminal terminal : terminals) {
                subscriptions.add(terminal.slot().onChange(this::signal));
            }
            if (seen == null) {
                seen = snapshot();
                previous = seen;
            }
            long nanos =
                    timeout == 0 ? Long.MAX_VALUE : Duration.ofMillis(timeout).toNanos();
            Map<SlotTerminal, Seen> now = snapshot();
            while (now.equals(seen)) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
                now = snapshot();
            }
            previous = seen;
            seen = now;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("waitForChange() was interrupted", e);
        } finally {
            lock.unlock();
            for (AutoCloseable subscription : subscriptions) {
                closeQuietly(subscription);
            }
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Map<SlotTerminal, Seen> snapshot() {
        Map<SlotTerminal, Seen> map = new HashMap<>();
        for (SlotTerminal terminal : terminals) {
            long changes = terminal.slot().changeCount();
            map.put(terminal, new Seen(terminal.slot().cardPresent(), changes));
        }
        return map;
    }

    private boolean inserted(SlotTerminal terminal) {
        Seen before = previous.get(terminal);
        Seen after = seen.get(terminal);
        return after.present() && (!before.present() || before.changes() != after.changes());
    }

    private boolean removed(SlotTerminal terminal) {
        Seen before = previous.get(terminal);
        Seen after = seen.get(terminal);
        return before.present() && (!after.present() || before.changes() != after.changes());
    }

    private static void closeQuietly(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            // removing a listener from a list cannot fail
        }
    }
}
