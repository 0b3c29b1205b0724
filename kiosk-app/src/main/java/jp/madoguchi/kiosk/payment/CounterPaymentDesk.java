package jp.madoguchi.kiosk.payment;

import java.util.function.Consumer;
import jp.madoguchi.kiosk.money.Yen;

/**
 * "Pay at the counter" (design §7, counter deployments): the resident pays the fee to staff, who
 * key in what they received on the clerk screen; staff also hand out change and refunds from
 * the till. As a {@link CashAcceptor} it reports the amounts staff received; as a {@link
 * CoinHopper} (1-yen "coins") it stands for the till, which always pays in full, so no refund
 * voucher is needed at a counter. Amounts keyed in while no fee is being collected are refused.
 */
public final class CounterPaymentDesk implements CashAcceptor, CoinHopper {
    private Consumer<Yen> listener;
    private Yen handedOut = Yen.ZERO;

    @Override
    public synchronized void open(Consumer<Yen> accepted) {
        this.listener = accepted;
    }

    @Override
    public synchronized void inhibit() {
        this.listener = null;
    }

    /** True while the kiosk waits for staff to take the fee. */
    public synchronized boolean isCollecting() {
        return listener != null;
    }

    /**
     * Staff received {@code amount} from the resident. Returns false (nothing recorded) when no
     * fee is being collected or the amount is zero.
     */
    public boolean staffReceived(Yen amount) {
        Consumer<Yen> target;
        synchronized (this) {
            target = listener;
        }
        if (target == null || amount.isZero()) {
            return false;
        }
        target.accept(amount);
        return true;
    }

    /** Total staff handed back from the till (change and refunds). */
    public synchronized Yen handedOut() {
        return handedOut;
    }

    /** The till pays in 1-yen units so that any amount is paid exactly. */
    @Override
    public Yen denomination() {
        return Yen.of(1);
    }

    @Override
    public synchronized int dispense(int coins) {
        handedOut = handedOut.plus(Yen.of(coins));
        return coins;
    }

    /** A change dispenser that is the counter's till. */
    public ChangeDispenser till() {
        return new ChangeDispenser(java.util.List.of(this));
    }

    @Override
    public synchronized void close() {
        listener = null;
    }
}
