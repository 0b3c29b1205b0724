package jp.madoguchi.kiosk.ui.menu;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;
import jp.madoguchi.kiosk.ui.TouchButton;

/**
 * Layout of the certificate menu: two columns of tiles. An unavailable tile is not a button, is
 * marked "✕" with the words "not available" and its reason (never by colour alone).
 */
public final class MenuView implements ScreenView {
    private final ScreenPane root = new ScreenPane("menu");
    private final GridPane tiles = new GridPane();
    private final MenuViewModel model;

    public MenuView(MenuViewModel model) {
        this.model = model;
        root.title(model.title());
        root.paragraph(model.municipality(), "note");
        Label problem = root.paragraph(model.problem(), "warning-box");
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        tiles.getStyleClass().add("tiles");
        tiles.setHgap(16);
        tiles.setVgap(16);
        tiles.setAlignment(Pos.TOP_CENTER);
        root.getChildren().add(tiles);
        model.entries().addListener((ListChangeListener<MenuEntry>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        tiles.getChildren().clear();
        int i = 0;
        for (MenuEntry e : model.entries()) {
            var node = e.available() ? available(e) : unavailable(e);
            tiles.add(node, i % 2, i / 2);
            i++;
        }
    }

    private TouchButton available(MenuEntry e) {
        TouchButton b = new TouchButton(
                new SimpleStringProperty(e.title() + "\n" + e.detail()), () -> model.choose(e.type()), "tile");
        b.setId("menu-" + e.type().name());
        b.setPrefWidth(540);
        return b;
    }

    private VBox unavailable(MenuEntry e) {
        Label title =
                new Label("✕ " + e.title() + " — " + model.unavailableLabel().get());
        title.getStyleClass().add("tile-title");
        title.setWrapText(true);
        Label reason = new Label(e.detail());
        reason.getStyleClass().add("tile-reason");
        reason.setWrapText(true);
        VBox tile = new VBox(4, title, reason);
        tile.getStyleClass().add("tile-unavailable");
        tile.setId("menu-" + e.type().name());
        tile.setPrefWidth(540);
        tile.setMinHeight(96);
        return tile;
    }

    @Override
    public Parent root() {
        return root;
    }
}
