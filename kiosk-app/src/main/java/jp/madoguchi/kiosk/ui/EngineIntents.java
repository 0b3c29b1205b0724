package jp.madoguchi.kiosk.ui;

import java.util.List;
import java.util.Objects;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.transaction.TransactionEngine;

/** The resident's intents, sent to a {@link TransactionEngine}. */
public final class EngineIntents implements ResidentIntents {
    private final TransactionEngine engine;

    public EngineIntents(TransactionEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public void pinEntered(char[] pin) {
        engine.pinEntered(pin);
    }

    @Override
    public void orderChosen(List<OrderItem> order) {
        engine.orderChosen(order);
    }

    @Override
    public void feeConfirmed() {
        engine.feeConfirmed();
    }

    @Override
    public void cancel() {
        engine.cancel();
    }

    @Override
    public void timeout() {
        engine.timeout();
    }

    @Override
    public void residentActive() {
        engine.residentActive();
    }
}
