package jp.madoguchi.kiosk.ui.ended;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;
import jp.madoguchi.kiosk.ui.TouchButton;

/** Layout of the ending screen: what happened, what to do, the money, the card. */
public final class EndedView implements ScreenView {
    private final ScreenPane root = new ScreenPane("ended");

    public EndedView(EndedViewModel model) {
        root.title(model.what()).setId("ended-what");
        root.paragraph(model.todo(), "todo").setId("ended-todo");
        root.paragraph(model.money(), "money").setId("ended-money");
        Label card = root.paragraph(model.card(), "emphasis");
        card.setId("ended-card");
        card.visibleProperty().bind(model.cardOut().not());
        card.managedProperty().bind(card.visibleProperty());
        TouchButton home = new TouchButton(model.homeLabel(), model::home, "primary");
        home.setId("ended-home");
        home.visibleProperty().bind(model.cardOut());
        root.actions(home);
    }

    @Override
    public Parent root() {
        return root;
    }
}
