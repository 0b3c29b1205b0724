package jp.madoguchi.kiosk.clerk.ui.export;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.layout.HBox;
import jp.madoguchi.kiosk.clerk.ui.ClerkPane;
import jp.madoguchi.kiosk.clerk.ui.ClerkWork;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the log export: what is exported, the mount point, the button. */
public final class ExportView implements ScreenView {
    private final ClerkPane root;

    public ExportView(ExportViewModel model, ClerkWork work) {
        root = new ClerkPane("clerk-export", model.label("export.title"));
        HBox target = new HBox(
                12,
                ClerkPane.label(model.label("export.targetLabel"), "clerk-body"),
                ClerkPane.field("clerk-export-target", model.target(), 420),
                ClerkPane.button(
                        "clerk-export-button",
                        model.label("export.button"),
                        () -> work.run(model::export, Runnable::run),
                        "primary"));
        target.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(ClerkPane.label(model.label("export.explain"), "clerk-body"), target);
        root.message(model.message());
    }

    @Override
    public Parent root() {
        return root;
    }
}
