package jp.madoguchi.kiosk.ui.confirm;

import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;
import jp.madoguchi.kiosk.ui.TouchButton;

/** Layout of the confirmation: the fee breakdown, the total, change or pay. */
public final class ConfirmView implements ScreenView {
    private final ScreenPane root = new ScreenPane("confirm");

    public ConfirmView(ConfirmViewModel model) {
        root.title(model.title());
        VBox lines = new VBox(8);
        lines.getStyleClass().add("breakdown");
        Runnable rebuild = () -> {
            lines.getChildren().clear();
            for (String line : model.lines()) {
                Label l = new Label(line);
                l.setWrapText(true);
                l.getStyleClass().add("body");
                lines.getChildren().add(l);
            }
        };
        model.lines().addListener((ListChangeListener<String>) c -> rebuild.run());
        rebuild.run();
        root.getChildren().add(lines);
        root.paragraph(model.total(), "total").setId("confirm-total");
        root.paragraph(model.note(), "note");
        TouchButton change = new TouchButton(model.changeLabel(), model::change, "secondary");
        change.setId("confirm-change");
        TouchButton pay = new TouchButton(model.payLabel(), model::pay, "primary");
        pay.setId("confirm-pay");
        root.actions(change, pay);
    }

    @Override
    public Parent root() {
        return root;
    }
}
