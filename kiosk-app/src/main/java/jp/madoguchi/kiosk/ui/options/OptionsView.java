package jp.madoguchi.kiosk.ui.options;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;
import jp.madoguchi.kiosk.ui.TouchButton;

/** Layout of the options screen: rows of toggles; a chosen toggle reads "✓" (not colour alone). */
public final class OptionsView implements ScreenView {
    private final ScreenPane root = new ScreenPane("options");
    private final OptionsViewModel model;

    public OptionsView(OptionsViewModel model) {
        this.model = model;
        root.title(model.title());
        section(model.scopeLabel(), model.scopes());
        Label membersLabel = ScreenPane.label(model.membersLabel(), "section");
        FlowPane members = section(membersLabel, model.members());
        Label itemsLabel = ScreenPane.label(model.itemsLabel(), "section");
        FlowPane items = section(itemsLabel, model.items());
        section(model.yearsLabel(), model.years());
        TouchButton back = new TouchButton(model.backLabel(), model::back, "secondary");
        back.setId("options-back");
        TouchButton next = new TouchButton(model.nextLabel(), model::next, "primary");
        next.setId("options-next");
        next.disableProperty().bind(model.complete().not());
        root.actions(back, next);
    }

    private FlowPane section(javafx.beans.value.ObservableStringValue label, ObservableList<Choice> choices) {
        return section(ScreenPane.label(label, "section"), choices);
    }

    private FlowPane section(Label label, ObservableList<Choice> choices) {
        FlowPane row = new FlowPane(12, 12);
        row.getStyleClass().add("choices");
        Runnable rebuild = () -> {
            row.getChildren().clear();
            for (Choice c : choices) {
                TouchButton b = new TouchButton(
                        new SimpleStringProperty((c.selected() ? "✓ " : "　") + c.label()),
                        () -> model.toggle(c.key()),
                        "choice");
                if (c.selected()) {
                    b.getStyleClass().add("selected");
                }
                b.setId("choice-" + c.key().replace(':', '-'));
                row.getChildren().add(b);
            }
            row.setVisible(!choices.isEmpty());
            row.setManaged(!choices.isEmpty());
        };
        choices.addListener((ListChangeListener<Choice>) c -> rebuild.run());
        rebuild.run();
        label.setMinWidth(240);
        label.setMaxWidth(240);
        javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(16, label, row);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        line.visibleProperty().bind(row.visibleProperty());
        line.managedProperty().bind(row.visibleProperty());
        javafx.scene.layout.HBox.setHgrow(row, javafx.scene.layout.Priority.ALWAYS);
        root.getChildren().add(line);
        return row;
    }

    @Override
    public Parent root() {
        return root;
    }
}
