package jp.madoguchi.kiosk.ui;

import java.util.List;
import jp.madoguchi.center.protocol.OrderItem;

/**
 * What the resident's touches ask of the transaction engine. The screens send these and nothing
 * else; {@link EngineIntents} forwards them to the engine. Calls return at once (the engine works
 * on its own thread and publishes a snapshot when done).
 */
public interface ResidentIntents {
    /** The PIN typed on the pad; the receiver zeroes the array once used. */
    void pinEntered(char[] pin);

    void orderChosen(List<OrderItem> order);

    void feeConfirmed();

    void cancel();

    /** The screen's time ran out (the countdown dialog was not answered). */
    void timeout();

    /** The resident touched the screen: the engine's own per-screen timer starts again. */
    void residentActive();
}
