package jp.madoguchi.kiosk.payment;

import java.util.Set;
import java.util.function.Consumer;
import jp.madoguchi.kiosk.money.Yen;

/**
 * The simulated coin and bill acceptor of the demo and the tests: {@link #insert} is what a
 * resident's hand does. Money inserted while inhibited is returned (not reported).
 */
public final class SimulatedCashAcceptor implements CashAcceptor {
    /** Coins and bills a store copier takes. */
    public static final Set<Long> DENOMINATIONS = Set.of(10L, 50L, 100L, 500L, 1000L);

    private Consumer<Yen> listener;
    private boolean jammed;

    @Override
    public synchronized void open(Consumer<Yen> accepted) {
        this.listener = accepted;
    }

    @Override
    public synchronized void inhibit() {
        this.listener = null;
    }

    /** True while the acceptor takes money. */
    public synchronized boolean isOpen() {
        return listener != null;
    }

    /**
     * Inserts one coin or bill. Returns true if it was accepted; false if it came back out (the
     * acceptor is inhibited or the denomination is not taken).
     */
    public boolean insert(Yen coinOrBill) {
        Consumer<Yen> target;
        synchronized (this) {
            target = jammed ? null : listener;
        }
        if (target == null || !DENOMINATIONS.contains(coinOrBill.amount())) {
            return false;
        }
        target.accept(coinOrBill);
        return true;
    }

    /** Jams the coin path: nothing more is accepted or reported until {@link #clearJam}. */
    public synchronized void jam() {
        this.jammed = true;
    }

    public synchronized void clearJam() {
        this.jammed = false;
    }

    @Override
    public synchronized void close() {
        listener = null;
    }
}
