package jp.madoguchi.kiosk.ui.copies;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;
import jp.madoguchi.kiosk.ui.TouchButton;

/** Layout of the copies screen: − count +, the fee, back and next. */
public final class CopiesView implements ScreenView {
    private final ScreenPane root = new ScreenPane("copies");

    public CopiesView(CopiesViewModel model) {
        root.title(model.title());
        TouchButton fewer = new TouchButton(new SimpleStringProperty("−"), model::fewer, "key");
        fewer.setId("copies-fewer");
        fewer.disableProperty().bind(model.canRemove().not());
        TouchButton more = new TouchButton(new SimpleStringProperty("＋"), model::more, "key");
        more.setId("copies-more");
        more.disableProperty().bind(model.canAdd().not());
        Label count = ScreenPane.label(model.count(), "count");
        count.setId("copies-count");
        HBox row = new HBox(32, fewer, count, more);
        row.setAlignment(Pos.CENTER);
        root.getChildren().add(row);
        root.paragraph(model.fee(), "fee");
        root.paragraph(model.limit(), "note");
        Label problem = root.paragraph(model.problem(), "warning-box");
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        TouchButton back = new TouchButton(model.backLabel(), model::back, "secondary");
        back.setId("copies-back");
        TouchButton next = new TouchButton(model.nextLabel(), model::next, "primary");
        next.setId("copies-next");
        root.actions(back, next);
    }

    @Override
    public Parent root() {
        return root;
    }
}
