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

    private boolean keepLabelWhole;

    /**
     * Never narrower than its whole label on one line (nor than {@link #MIN_SIZE}): for short
     * labels such as language names in a crowded bar, which would otherwise be squeezed and wrap
     * mid-word; the bar's other parts give way instead.
     */
    public TouchButton keepLabelWhole() {
        keepLabelWhole = true;
        setWrapText(false);
        setMinWidth(USE_COMPUTED_SIZE);
        return this;
    }

    @Override
    protected double computeMinWidth(double height) {
        return keepLabelWhole ? Math.max(MIN_SIZE, computePrefWidth(height)) : super.computeMinWidth(height);
    }
}
