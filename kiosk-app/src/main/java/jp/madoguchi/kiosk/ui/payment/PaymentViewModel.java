package jp.madoguchi.kiosk.ui.payment;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/** Insert the fee: what it is, what went in, what remains; cancel gives everything back. */
public final class PaymentViewModel implements ScreenModel {
    private final ScreenContext context;
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty fee = new SimpleStringProperty();
    private final StringProperty inserted = new SimpleStringProperty();
    private final StringProperty remaining = new SimpleStringProperty();
    private final StringProperty accepted = new SimpleStringProperty();
    private final StringProperty cancelNote = new SimpleStringProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();

    public PaymentViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        EngineSnapshot s = context.journey().snapshot();
        title.set(text.text("payment.title"));
        fee.set(text.text("payment.fee", text.yen(s.fee())));
        inserted.set(text.text("payment.inserted", text.yen(s.inserted())));
        remaining.set(text.text("payment.remaining", text.yen(s.remaining())));
        accepted.set(text.text("payment.accepted"));
        cancelNote.set(text.text("payment.cancelNote"));
        progress.set(
                s.fee().isZero()
                        ? 1.0
                        : Math.min(1.0, (double) s.inserted().amount() / s.fee().amount()));
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty fee() {
        return fee;
    }

    public ReadOnlyStringProperty inserted() {
        return inserted;
    }

    public ReadOnlyStringProperty remaining() {
        return remaining;
    }

    public ReadOnlyStringProperty accepted() {
        return accepted;
    }

    public ReadOnlyStringProperty cancelNote() {
        return cancelNote;
    }

    public ReadOnlyDoubleProperty progress() {
        return progress;
    }
}
