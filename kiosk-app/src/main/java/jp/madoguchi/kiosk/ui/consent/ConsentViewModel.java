package jp.madoguchi.kiosk.ui.consent;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenId;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/** Notes before use (fees, what the kiosk cannot do, privacy) and the resident's consent. */
public final class ConsentViewModel implements ScreenModel {
    private final ScreenContext context;
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty notes = new SimpleStringProperty();
    private final StringProperty agreeLabel = new SimpleStringProperty();

    public ConsentViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        title.set(text.text("consent.title"));
        notes.set(text.text("consent.notes"));
        agreeLabel.set(text.text("consent.agree"));
    }

    public void agree() {
        context.journey().goTo(ScreenId.PLACE_CARD);
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty notes() {
        return notes;
    }

    public ReadOnlyStringProperty agreeLabel() {
        return agreeLabel;
    }
}
