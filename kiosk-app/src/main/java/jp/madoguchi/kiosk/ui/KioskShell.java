package jp.madoguchi.kiosk.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The frame of every screen: language bar and accessibility toggles on top, the screen in the
 * middle, cancel at the bottom, and the idle countdown dialog over everything.
 */
public final class KioskShell implements ScreenView {
    private final StackPane root = new StackPane();
    private final StackPane screenHolder = new StackPane();

    public KioskShell(ShellViewModel model, Runnable stillHere) {
        Label brand = new Label();
        brand.textProperty().bind(model.brand());
        brand.getStyleClass().add("brand");
        brand.setMinWidth(0); // with many languages the brand is shortened, never a button
        HBox top = new HBox(brand);
        top.getStyleClass().add("top-bar");
        top.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        top.getChildren().add(spacer);
        for (String language : model.languages()) {
            TouchButton b = new TouchButton(
                    new SimpleStringProperty(model.languageName(language)),
                    () -> model.selectLanguage(language),
                    "language");
            b.setId("language-" + language);
            b.keepLabelWhole();
            model.text().addListener((o, a, t) -> select(b, t.language().equals(language)));
            select(b, model.text().get().language().equals(language));
            top.getChildren().add(b);
        }
        TouchButton larger = new TouchButton(model.largeTextLabel(), model::toggleLargeText, "toggle");
        larger.setId("large-text");
        TouchButton contrast = new TouchButton(model.contrastLabel(), model::toggleContrast, "toggle");
        contrast.setId("high-contrast");
        top.getChildren().addAll(larger, contrast);

        TouchButton cancel = new TouchButton(model.cancelLabel(), model::cancel, "cancel");
        cancel.setId("cancel");
        cancel.visibleProperty().bind(model.cancelVisible());
        HBox bottom = new HBox(cancel);
        bottom.getStyleClass().add("bottom-bar");
        bottom.setAlignment(Pos.CENTER_LEFT);

        screenHolder.getStyleClass().add("screen-holder");
        // A screen taller than the space between the bars is cut, never pushes the bars away.
        screenHolder.setMinHeight(0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(screenHolder.widthProperty());
        clip.heightProperty().bind(screenHolder.heightProperty());
        screenHolder.setClip(clip);
        top.setMinHeight(Region.USE_PREF_SIZE);
        bottom.setMinHeight(Region.USE_PREF_SIZE);
        BorderPane frame = new BorderPane(screenHolder, top, null, bottom, null);

        Label title = new Label();
        title.textProperty().bind(model.countdownTitle());
        title.getStyleClass().add("title");
        Label body = new Label();
        body.textProperty().bind(model.countdownBody());
        body.getStyleClass().add("body");
        body.setWrapText(true);
        TouchButton more = new TouchButton(model.continueLabel(), stillHere, "primary");
        more.setId("idle-continue");
        VBox dialog = new VBox(24, title, body, more);
        dialog.getStyleClass().add("dialog");
        dialog.setAlignment(Pos.CENTER);
        dialog.setMaxSize(760, Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(dialog);
        overlay.getStyleClass().add("overlay");
        overlay.setId("idle-countdown");
        overlay.visibleProperty().bind(model.countdownVisible());
        overlay.managedProperty().bind(Bindings.createBooleanBinding(() -> true));
        root.getChildren().addAll(frame, overlay);
        root.getStyleClass().add("kiosk");
    }

    private static void select(TouchButton b, boolean selected) {
        b.getStyleClass().remove("selected");
        if (selected) {
            b.getStyleClass().add("selected");
        }
    }

    /** Where the current screen goes. */
    public StackPane screenHolder() {
        return screenHolder;
    }

    @Override
    public Parent root() {
        return root;
    }
}
