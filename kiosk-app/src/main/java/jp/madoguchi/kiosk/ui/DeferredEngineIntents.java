package jp.madoguchi.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.transaction.TransactionEngine;

/**
 * The resident's intents while the home screen is already up and the engine is still being
 * assembled: each intent is kept, in order, and handed to the engine once it arrives; after that
 * they go straight through. No touch is lost and none reaches a half-built kiosk.
 */
final class DeferredEngineIntents implements ResidentIntents {
    private final List<Consumer<TransactionEngine>> waiting = new ArrayList<>();
    private TransactionEngine engine;

    /** Hands the kept intents to {@code ready}, oldest first, and every later one directly. */
    void engineReady(TransactionEngine ready) {
        Objects.requireNonNull(ready, "engine");
        List<Consumer<TransactionEngine>> kept;
        synchronized (this) {
            if (engine != null) {
                return;
            }
            engine = ready;
            kept = List.copyOf(waiting);
            waiting.clear();
        }
        kept.forEach(intent -> intent.accept(ready));
    }

    private void send(Consumer<TransactionEngine> intent) {
        TransactionEngine now;
        synchronized (this) {
            now = engine;
            if (now == null) {
                waiting.add(intent);
                return;
            }
        }
        intent.accept(now);
    }

    @Override
    public void pinEntered(char[] pin) {
        send(e -> e.pinEntered(pin));
    }

    @Override
    public void orderChosen(List<OrderItem> order) {
        List<OrderItem> copy = List.copyOf(order);
        send(e -> e.orderChosen(copy));
    }

    @Override
    public void feeConfirmed() {
        send(TransactionEngine::feeConfirmed);
    }

    @Override
    public void cancel() {
        send(TransactionEngine::cancel);
    }

    @Override
    public void timeout() {
        send(TransactionEngine::timeout);
    }

    @Override
    public void residentActive() {
        send(TransactionEngine::residentActive);
    }
}
