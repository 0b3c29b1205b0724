package jp.madoguchi.kiosk.ui.placecard;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/** "Place your card on the reader": the reader reports the card to the engine by itself. */
public final class PlaceCardViewModel implements ScreenModel {
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty instruction = new SimpleStringProperty();
    private final StringProperty cardLabel = new SimpleStringProperty();

    public PlaceCardViewModel(ScreenContext context) {}

    @Override
    public void show(UiText text) {
        title.set(text.text("placeCard.title"));
        instruction.set(text.text("placeCard.instruction"));
        cardLabel.set(text.text("placeCard.cardLabel"));
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty instruction() {
        return instruction;
    }

    public ReadOnlyStringProperty cardLabel() {
        return cardLabel;
    }
}
