package jp.madoguchi.kiosk.ui.working;

import javafx.scene.Parent;
import javafx.scene.control.ProgressIndicator;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the wait screen. */
public final class WorkingView implements ScreenView {
    private final ScreenPane root = new ScreenPane("working");

    public WorkingView(WorkingViewModel model) {
        root.title(model.title());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(120, 120);
        root.getChildren().add(spinner);
        root.paragraph(model.note());
    }

    @Override
    public Parent root() {
        return root;
    }
}
