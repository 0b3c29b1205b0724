package jp.madoguchi.kiosk.ui.printing;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/**
 * Receiving the certificates from the center, then printing them copy by copy (the engine
 * publishes a snapshot after every copy).
 */
public final class PrintingViewModel implements ScreenModel {
    private final ScreenContext context;
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty status = new SimpleStringProperty();
    private final StringProperty note = new SimpleStringProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();

    public PrintingViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        EngineSnapshot s = context.journey().snapshot();
        boolean printing = s.state() == TransactionState.PRINTING;
        title.set(text.text(printing ? "printing.title" : "printing.receiving"));
        int ordered = Math.max(1, s.copiesOrdered());
        int current = Math.min(ordered, s.copiesPrinted() + 1);
        status.set(printing ? text.text("printing.copy", current, ordered, s.copiesPrinted()) : "");
        note.set(text.text("printing.note"));
        progress.set(printing ? (double) s.copiesPrinted() / ordered : -1);
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    public ReadOnlyStringProperty note() {
        return note;
    }

    /** Copies printed over copies ordered; -1 (indeterminate) while the documents are on their way. */
    public ReadOnlyDoubleProperty progress() {
        return progress;
    }
}
