package jp.madoguchi.kiosk.payment;

import java.util.function.Consumer;
import jp.madoguchi.kiosk.money.Yen;

/**
 * Takes coins (and bills) from the resident. Closed ("inhibited") unless a payment is being
 * collected, so money inserted at any other time is returned by the device itself.
 */
public interface CashAcceptor extends AutoCloseable {
    /** Opens the acceptor; each accepted coin or bill is reported once to {@code accepted}. */
    void open(Consumer<Yen> accepted);

    /** Inhibits the acceptor: no further money is taken. */
    void inhibit();

    @Override
    void close();
}
