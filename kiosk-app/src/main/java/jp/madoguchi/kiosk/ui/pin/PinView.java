package jp.madoguchi.kiosk.ui.pin;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;
import jp.madoguchi.kiosk.ui.TouchButton;
import jp.madoguchi.kiosk.ui.UiResources;

/** Layout of the PIN pad: message and masked digits on the left, the keypad on the right. */
public final class PinView implements ScreenView {
    private final ScreenPane root = new ScreenPane("pin");

    public PinView(PinViewModel model) {
        root.getStylesheets().add(UiResources.require(PinView.class, "pin.css").toExternalForm());
        root.title(model.title());
        Label message = ScreenPane.label(model.message(), "body");
        message.setId("pin-message");
        Label masked = ScreenPane.label(model.masked(), "pin-mask");
        masked.setId("pin-mask");
        Label warning = ScreenPane.label(model.warning(), "warning-box");
        warning.setId("pin-warning");
        warning.visibleProperty().bind(model.warningShown());
        warning.managedProperty().bind(model.warningShown());
        VBox left = new VBox(20, message, masked, warning);
        left.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(left, Priority.ALWAYS);

        GridPane pad = new GridPane();
        pad.getStyleClass().add("keypad");
        pad.setHgap(12);
        pad.setVgap(12);
        String keys = "123456789";
        for (int i = 0; i < keys.length(); i++) {
            pad.add(key(model, keys.charAt(i)), i % 3, i / 3);
        }
        TouchButton clear = new TouchButton(model.clearLabel(), model::clear, "secondary");
        clear.setId("pin-clear");
        TouchButton back = new TouchButton(model.backLabel(), model::back, "secondary");
        back.setId("pin-back");
        pad.add(clear, 0, 3);
        pad.add(key(model, '0'), 1, 3);
        pad.add(back, 2, 3);
        TouchButton ok = new TouchButton(model.okLabel(), model::submit, "primary");
        ok.setId("pin-ok");
        ok.disableProperty().bind(model.complete().not());
        ok.setMaxWidth(Double.MAX_VALUE);
        pad.add(ok, 3, 0, 1, 4);
        ok.setMaxHeight(Double.MAX_VALUE);

        HBox body = new HBox(40, left, pad);
        body.setAlignment(Pos.CENTER);
        root.getChildren().add(body);
    }

    private static TouchButton key(PinViewModel model, char digit) {
        TouchButton b =
                new TouchButton(new SimpleStringProperty(String.valueOf(digit)), () -> model.digit(digit), "key");
        b.setId("pin-key-" + digit);
        return b;
    }

    @Override
    public Parent root() {
        return root;
    }
}
