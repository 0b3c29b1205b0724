package jp.madoguchi.kiosk.clerk.ui.login;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.madoguchi.kiosk.clerk.ui.ClerkPane;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the clerk PIN pad: message and mask left, keypad right. */
public final class LoginView implements ScreenView {
    private final ClerkPane root;

    /** {@code entered} runs when the PIN opened clerk mode. */
    public LoginView(LoginViewModel model, Runnable entered) {
        root = new ClerkPane("clerk-login", model.label("login.title"));
        Label mask = ClerkPane.label(model.masked(), "clerk-pin-mask");
        mask.setId("clerk-pin-mask");
        Label message = ClerkPane.label(model.message(), "clerk-body");
        message.setId("clerk-login-message");
        VBox left = new VBox(20, message, mask);
        left.setPrefWidth(520);

        GridPane pad = new GridPane();
        pad.setHgap(10);
        pad.setVgap(10);
        String keys = "123456789";
        for (int i = 0; i < keys.length(); i++) {
            pad.add(key(model, keys.charAt(i)), i % 3, i / 3);
        }
        Button clear = ClerkPane.button("clerk-pin-clear", model.label("login.clear"), model::clear, "secondary");
        clear.setPrefWidth(96);
        pad.add(clear, 0, 3);
        pad.add(key(model, '0'), 1, 3);
        Button enter = ClerkPane.button(
                "clerk-pin-enter",
                model.label("login.button"),
                () -> {
                    if (model.enter()) {
                        entered.run();
                    }
                },
                "primary");
        enter.setPrefWidth(96);
        enter.disableProperty().bind(model.enterable().not());
        pad.add(enter, 2, 3);
        pad.disableProperty().bind(model.locked());

        HBox body = new HBox(48, left, pad);
        body.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().add(body);
    }

    private static Button key(LoginViewModel model, char digit) {
        Button b = ClerkPane.button(
                "clerk-pin-key-" + digit,
                new SimpleStringProperty(String.valueOf(digit)),
                () -> model.digit(digit),
                "key");
        b.setPrefWidth(96);
        return b;
    }

    @Override
    public Parent root() {
        return root;
    }
}
