package jp.madoguchi.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.center.protocol.OrderItem;

/** Remembers the intents a model sent (and copies the PIN it was given before zeroing it). */
final class RecordingIntents implements ResidentIntents {
    final List<String> sent = new ArrayList<>();
    final List<String> pins = new ArrayList<>();
    final List<List<OrderItem>> orders = new ArrayList<>();
    char[] lastPinArray;

    @Override
    public void pinEntered(char[] pin) {
        pins.add(new String(pin));
        lastPinArray = pin;
        sent.add("pin");
    }

    @Override
    public void orderChosen(List<OrderItem> order) {
        orders.add(order);
        sent.add("order");
    }

    @Override
    public void feeConfirmed() {
        sent.add("fee");
    }

    @Override
    public void cancel() {
        sent.add("cancel");
    }

    @Override
    public void timeout() {
        sent.add("timeout");
    }

    @Override
    public void residentActive() {
        sent.add("active");
    }

    static ScreenContext context(Journey journey, RecordingIntents intents) {
        return new ScreenContext(
                journey,
                intents,
                KioskUiFixture.settings(
                        java.time.Duration.ofSeconds(30),
                        java.time.Duration.ofSeconds(20),
                        java.time.Duration.ofSeconds(10)));
    }
}
