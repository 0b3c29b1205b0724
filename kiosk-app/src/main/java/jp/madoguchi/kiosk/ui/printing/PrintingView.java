package jp.madoguchi.kiosk.ui.printing;

import javafx.scene.Parent;
import javafx.scene.control.ProgressBar;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the printing screen: status and a progress bar over the copies. */
public final class PrintingView implements ScreenView {
    private final ScreenPane root = new ScreenPane("printing");

    public PrintingView(PrintingViewModel model) {
        root.title(model.title());
        root.paragraph(model.status(), "amount").setId("printing-status");
        ProgressBar bar = new ProgressBar();
        bar.setId("printing-progress");
        bar.progressProperty().bind(model.progress());
        bar.setPrefWidth(800);
        root.getChildren().add(bar);
        root.paragraph(model.note(), "note");
    }

    @Override
    public Parent root() {
        return root;
    }
}
