package jp.madoguchi.kiosk.ui.thanks;

import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;
import jp.madoguchi.kiosk.ui.TouchButton;

/** Layout of the thank-you screen: a receipt-like box and back to the start. */
public final class ThanksView implements ScreenView {
    private final ScreenPane root = new ScreenPane("thanks");

    public ThanksView(ThanksViewModel model) {
        root.title(model.title());
        VBox receipt = new VBox(6);
        receipt.getStyleClass().add("receipt");
        receipt.setId("thanks-receipt");
        receipt.setMaxWidth(640);
        Runnable rebuild = () -> {
            receipt.getChildren().clear();
            for (String line : model.receipt()) {
                Label l = new Label(line);
                l.getStyleClass().add("receipt-line");
                receipt.getChildren().add(l);
            }
        };
        model.receipt().addListener((ListChangeListener<String>) c -> rebuild.run());
        rebuild.run();
        root.getChildren().add(receipt);
        root.paragraph(model.note(), "note");
        TouchButton home = new TouchButton(model.homeLabel(), model::home, "primary");
        home.setId("thanks-home");
        root.actions(home);
    }

    @Override
    public Parent root() {
        return root;
    }
}
