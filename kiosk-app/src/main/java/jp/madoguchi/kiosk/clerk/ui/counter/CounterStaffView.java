package jp.madoguchi.kiosk.clerk.ui.counter;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.layout.HBox;
import jp.madoguchi.kiosk.clerk.ui.ClerkPane;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the staff screen: waiting tickets, then the scan/type field, amount and confirm. */
public final class CounterStaffView implements ScreenView {
    private final ClerkPane root;

    public CounterStaffView(CounterStaffViewModel model) {
        root = new ClerkPane("clerk-counter", model.label("counter.title"));
        HBox confirm = new HBox(
                12,
                ClerkPane.field("clerk-ticket-code", model.code(), 420),
                ClerkPane.field("clerk-ticket-received", model.received(), 160),
                ClerkPane.button("clerk-ticket-confirm", model.label("counter.confirm"), model::confirm, "primary"));
        confirm.setAlignment(Pos.CENTER_LEFT);
        root.getChildren()
                .addAll(
                        ClerkPane.label(model.label("counter.waitingTitle"), "clerk-subtitle"),
                        ClerkPane.table("clerk-waiting-tickets", model.waiting()),
                        ClerkPane.label(model.label("counter.codeLabel"), "clerk-body"),
                        ClerkPane.label(model.label("counter.receivedLabel"), "clerk-body"),
                        confirm);
        root.message(model.message());
        // New tickets arrive from the terminal: look again every two seconds while shown.
        javafx.animation.Timeline poll = new javafx.animation.Timeline(
                new javafx.animation.KeyFrame(javafx.util.Duration.seconds(2), e -> model.poll()));
        poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
        root.sceneProperty().addListener((o, before, now) -> {
            if (now != null) {
                poll.play();
            } else {
                poll.stop();
            }
        });
    }

    @Override
    public Parent root() {
        return root;
    }
}
