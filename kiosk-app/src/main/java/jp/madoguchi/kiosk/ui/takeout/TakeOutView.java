package jp.madoguchi.kiosk.ui.takeout;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.util.Duration;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the take-your-paper-and-card screen, with the flashing card-left banner. */
public final class TakeOutView implements ScreenView {
    private final ScreenPane root = new ScreenPane("take-out");
    private final Timeline flashing;

    public TakeOutView(TakeOutViewModel model) {
        root.title(model.title());
        root.paragraph(model.paper(), "step");
        Label change = root.paragraph(model.change(), "step");
        change.visibleProperty().bind(model.changeShown());
        change.managedProperty().bind(model.changeShown());
        root.paragraph(model.card(), "step", "emphasis");
        Label alarm = root.paragraph(model.alarmText(), "alarm");
        alarm.setId("card-left-alarm");
        alarm.visibleProperty().bind(model.alarm());
        alarm.managedProperty().bind(model.alarm());
        flashing = new Timeline(
                new KeyFrame(Duration.ZERO, e -> alarm.getStyleClass().add("flash")),
                new KeyFrame(Duration.millis(400), e -> alarm.getStyleClass().remove("flash")),
                new KeyFrame(Duration.millis(800)));
        flashing.setCycleCount(Timeline.INDEFINITE);
        model.alarm().addListener((o, was, on) -> {
            if (on) {
                flashing.play();
            } else {
                flashing.stop();
                alarm.getStyleClass().remove("flash");
            }
        });
    }

    @Override
    public Parent root() {
        return root;
    }
}
