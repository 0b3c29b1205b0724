package jp.madoguchi.kiosk.ui.consent;

import javafx.scene.Parent;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;
import jp.madoguchi.kiosk.ui.TouchButton;

/** Layout of the notes-and-consent screen. */
public final class ConsentView implements ScreenView {
    private final ScreenPane root = new ScreenPane("consent");

    public ConsentView(ConsentViewModel model) {
        root.title(model.title());
        root.paragraph(model.notes(), "notes");
        TouchButton agree = new TouchButton(model.agreeLabel(), model::agree, "primary", "large");
        agree.setId("agree");
        root.actions(agree);
    }

    @Override
    public Parent root() {
        return root;
    }
}
