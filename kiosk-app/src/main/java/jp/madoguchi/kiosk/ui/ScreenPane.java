package jp.madoguchi.kiosk.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The common layout of a screen: a column with a title, paragraphs and a row of buttons, styled
 * by {@code kiosk.css} (classes {@code screen}, {@code title}, {@code body}, {@code note},
 * {@code actions}). Screens add their own nodes in between.
 */
public class ScreenPane extends VBox {
    public ScreenPane(String screenStyleClass) {
        super(14);
        getStyleClass().addAll("screen", screenStyleClass);
        setAlignment(Pos.TOP_CENTER);
        setFillWidth(true);
    }

    /** Adds the screen's title. */
    public Label title(ObservableStringValue text) {
        return add(label(text, "title"));
    }

    /** Adds a paragraph. */
    public Label paragraph(ObservableStringValue text, String... styleClasses) {
        Label l = label(text, "body");
        l.getStyleClass().addAll(styleClasses);
        return add(l);
    }

    /** Adds a row of buttons, centred. */
    public HBox actions(Node... buttons) {
        HBox row = new HBox(24, buttons);
        row.getStyleClass().add("actions");
        row.setAlignment(Pos.CENTER);
        getChildren().add(row);
        return row;
    }

    /** A wrapping label bound to {@code text}. */
    public static Label label(ObservableStringValue text, String... styleClasses) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    private <T extends Node> T add(T node) {
        getChildren().add(node);
        return node;
    }
}
