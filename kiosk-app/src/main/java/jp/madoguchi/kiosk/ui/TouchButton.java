package jp.madoguchi.kiosk.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;

/**
 * A button a finger can hit: at least 15 mm on a 10-inch 1280×800 screen (96 px, style class
 * {@code touch}), its label bound to a model property so it follows the language.
 */
public final class TouchButton extends Button {
    /** The smallest side of a touch target in pixels (15 mm at 150 dpi is 89 px; 96 leaves room). */
    public static final double MIN_SIZE = 96;

    public TouchButton(ObservableStringValue label, Runnable action, String... styleClasses) {
        textProperty().bind(label);
        getStyleClass().add("touch");
        getStyleClass().addAll(styleClasses);
        setMinHeight(MIN_SIZE);
        setMinWidth(MIN_SIZE);
        setWrapText(true);
        setFocusTraversable(false);
        setOnAction(e -> action.run());
    }
}
