package jp.madoguchi.kiosk.clerk.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The body of one clerk screen: a title, then content, then the screen's message line. Also
 * builds the few controls the clerk screens share (buttons, fields, tables of rows), so every
 * screen looks and sizes the same.
 */
public class ClerkPane extends VBox {
    /** Clerk buttons: large enough for a finger (the kiosk is a touchscreen), smaller than residents'. */
    public static final double BUTTON_HEIGHT = 64;

    public ClerkPane(String id, ObservableStringValue title) {
        super(16);
        setId(id);
        getStyleClass().add("clerk-screen");
        Label heading = label(title, "clerk-title");
        getChildren().add(heading);
    }

    /** Adds the message line at the bottom (call last). */
    public void message(ObservableStringValue message) {
        Label line = label(message, "clerk-message");
        line.setId(getId() + "-message");
        line.setWrapText(true);
        getChildren().add(line);
    }

    public static Label label(ObservableStringValue text, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        return label;
    }

    public static Button button(String id, ObservableStringValue text, Runnable action, String styleClass) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(text);
        b.getStyleClass().addAll("clerk-button", styleClass);
        b.setMinHeight(BUTTON_HEIGHT);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "日計を..."
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    public static TextField field(String id, javafx.beans.property.StringProperty value, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.getStyleClass().add("clerk-field");
        f.setPrefWidth(width);
        f.setMinHeight(BUTTON_HEIGHT * 0.75);
        return f;
    }

    /** A two-column table that follows {@code rows}; each row styled by its status. */
    public static GridPane table(String id, ObservableList<InfoRow> rows) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.getStyleClass().add("clerk-table");
        grid.setHgap(24);
        grid.setVgap(6);
        Runnable fill = () -> {
            grid.getChildren().clear();
            for (int i = 0; i < rows.size(); i++) {
                InfoRow r = rows.get(i);
                Label label = new Label(r.label());
                label.getStyleClass().add("clerk-row-label");
                Label value = new Label(r.value());
                value.getStyleClass().addAll("clerk-row-value", "status-" + r.status());
                value.setWrapText(true);
                grid.add(label, 0, i);
                grid.add(value, 1, i);
            }
        };
        rows.addListener((ListChangeListener<InfoRow>) change -> fill.run());
        fill.run();
        return grid;
    }
}
