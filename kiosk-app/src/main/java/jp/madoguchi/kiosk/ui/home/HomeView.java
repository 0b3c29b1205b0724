package jp.madoguchi.kiosk.ui.home;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;
import jp.madoguchi.kiosk.ui.TouchButton;

/** Layout of the standby screen. */
public final class HomeView implements ScreenView {
    private final ScreenPane root = new ScreenPane("home");

    public HomeView(HomeViewModel model) {
        root.title(model.title());
        root.paragraph(model.hours(), "hours");
        Label closed = root.paragraph(model.closedNotice(), "warning-box");
        closed.setId("closed-notice");
        closed.visibleProperty().bind(model.closed());
        closed.managedProperty().bind(model.closed());
        root.paragraph(model.needs(), "needs");
        TouchButton start = new TouchButton(model.startLabel(), model::start, "primary", "large");
        start.setId("start");
        start.disableProperty().bind(model.closed());
        root.actions(start);
    }

    @Override
    public Parent root() {
        return root;
    }
}
