package jp.madoguchi.kiosk.ui.working;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/** A short wait: reading the card, or checking the PIN and the card with the center. */
public final class WorkingViewModel implements ScreenModel {
    private final ScreenContext context;
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty note = new SimpleStringProperty();

    public WorkingViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        boolean checking = context.journey().snapshot().state() == TransactionState.PIN_VERIFIED;
        title.set(text.text(checking ? "working.checking" : "working.reading"));
        note.set(text.text("working.keepCard"));
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty note() {
        return note;
    }
}
