package jp.madoguchi.kiosk.payment;

import java.util.function.Consumer;
import jp.madoguchi.kiosk.money.Yen;

/**
 * Collects one fee: opens the acceptor, reports each accepted coin or bill (the caller journals
 * it before anything else happens), inhibits once the fee is covered, and pays change or
 * refunds through the dispenser. Whatever the hoppers cannot pay is returned as owed.
 */
public final class PaymentSession implements AutoCloseable {
    private final CashAcceptor acceptor;
    private final ChangeDispenser dispenser;
    private final Yen due;
    private final Consumer<Yen> onAccepted;
    private Yen inserted = Yen.ZERO;
    private Yen returned = Yen.ZERO;
    private boolean collecting;
    private boolean changeGiven;

    /**
     * Starts collecting {@code due}. {@code onAccepted} is called once per accepted coin or bill,
     * on the device's thread, and must record it durably before returning.
     */
    public PaymentSession(CashAcceptor acceptor, ChangeDispenser dispenser, Yen due, Consumer<Yen> onAccepted) {
        this.acceptor = acceptor;
        this.dispenser = dispenser;
        this.due = due;
        this.onAccepted = onAccepted;
        this.collecting = true;
        acceptor.open(this::accepted);
    }

    private void accepted(Yen money) {
        synchronized (this) {
            if (!collecting) {
                return;
            }
            inserted = inserted.plus(money);
            if (inserted.covers(due)) {
                collecting = false;
                acceptor.inhibit();
            }
        }
        onAccepted.accept(money);
        synchronized (this) {
            notifyAll();
        }
    }

    public Yen due() {
        return due;
    }

    public synchronized Yen inserted() {
        return inserted;
    }

    /** What is still to be inserted (zero once paid). */
    public synchronized Yen remaining() {
        return inserted.covers(due) ? Yen.ZERO : due.minus(inserted);
    }

    public synchronized boolean isPaid() {
        return inserted.covers(due);
    }

    /** Waits up to {@code millis} for the fee to be covered; true if it was. */
    public synchronized boolean awaitPaid(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!isPaid()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** The fee is covered: pays the overpayment back as change. */
    public synchronized Payout payChange() {
        if (!isPaid()) {
            throw new IllegalStateException("the fee is not paid yet: " + remaining() + " to go");
        }
        if (changeGiven) {
            return Payout.NONE;
        }
        changeGiven = true;
        return giveBack(inserted.minus(due));
    }

    /** Cancels before printing: stops collecting and gives back everything not yet given back. */
    public synchronized Payout refundAll() {
        stopCollecting();
        return giveBack(inserted.minus(returned));
    }

    /** Gives back part of the fee (a copy that failed to print). */
    public synchronized Payout refund(Yen amount) {
        stopCollecting();
        if (!inserted.minus(returned).covers(amount)) {
            throw new IllegalArgumentException(
                    "cannot refund " + amount + ": only " + inserted.minus(returned) + " held");
        }
        return giveBack(amount);
    }

    private Payout giveBack(Yen amount) {
        if (amount.isZero()) {
            return Payout.NONE;
        }
        Yen paid = dispenser.payOut(amount);
        returned = returned.plus(amount);
        return new Payout(paid, amount.minus(paid));
    }

    private void stopCollecting() {
        if (collecting) {
            collecting = false;
            acceptor.inhibit();
        }
    }

    @Override
    public synchronized void close() {
        stopCollecting();
    }
}
