package jp.madoguchi.kiosk.ui.placecard;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the place-your-card screen: the instruction and a drawing of the card on the reader. */
public final class PlaceCardView implements ScreenView {
    private final ScreenPane root = new ScreenPane("place-card");

    public PlaceCardView(PlaceCardViewModel model) {
        root.title(model.title());
        root.paragraph(model.instruction());
        Rectangle reader = new Rectangle(360, 230);
        reader.getStyleClass().add("reader");
        Rectangle card = new Rectangle(256, 162);
        card.getStyleClass().add("card");
        Label label = ScreenPane.label(model.cardLabel(), "card-label");
        StackPane drawing = new StackPane(reader, card, label);
        drawing.setAlignment(Pos.CENTER);
        root.getChildren().add(drawing);
    }

    @Override
    public Parent root() {
        return root;
    }
}
