package jp.madoguchi.kiosk.ui.simcontrol;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the simulator control window (a plain desktop window, not a touchscreen). */
public final class SimulatorControlView implements ScreenView {
    private final VBox root = new VBox(8);

    public SimulatorControlView(SimulatorControlViewModel model) {
        root.setPadding(new Insets(10));
        ComboBox<String> resident = new ComboBox<>(model.residents());
        resident.setId("sim-resident");
        resident.getSelectionModel().selectFirst();
        resident.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> model.choose(i.intValue()));
        FlowPane card = new FlowPane(
                6,
                6,
                resident,
                button("sim-insert-card", "Insert card", () -> model.insertCard()),
                button("sim-insert-card-last-try", "Insert (1 PIN try left)", () -> model.insertCard(1)),
                button("sim-insert-card-locked", "Insert (PIN locked)", () -> model.insertCard(-1)),
                button("sim-remove-card", "Remove card", () -> model.removeCard()));
        FlowPane money = new FlowPane(6, 6);
        for (long yen : new long[] {10, 50, 100, 500, 1000}) {
            money.getChildren().add(button("sim-money-" + yen, yen + " yen", () -> model.insertMoney(yen)));
        }
        CheckBox receiptEnd = new CheckBox("Receipt paper end");
        receiptEnd.selectedProperty().addListener((o, a, on) -> model.receiptPaperEnd(on));
        FlowPane printer = new FlowPane(
                6,
                6,
                button("sim-jam", "Jam the next job", model::jamNextJob),
                button("sim-empty-paper", "Empty paper", model::emptyPaper),
                button("sim-load-paper", "Load paper", model::loadPaper),
                receiptEnd);
        ListView<String> output = new ListView<>(model.output());
        output.setId("sim-output");
        output.setPrefHeight(260);
        Button open = button("sim-open", "Open selected", () -> open(model, output));
        output.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open(model, output);
            }
        });
        Label status = new Label();
        status.textProperty().bind(model.status());
        status.setWrapText(true);
        root.getChildren()
                .addAll(
                        new TitledPane("Card (resident, PIN 1234)", card),
                        new TitledPane("Cash acceptor", money),
                        new TitledPane("Printers", printer),
                        new TitledPane("Printed (certificate jobs and receipts)", new VBox(6, output, open)),
                        status);
        root.setStyle("-fx-font-family: 'BIZ UDGothic'; -fx-font-size: 13px;");
    }

    /** Shows the selected certificate's pages (rendered in memory) or the receipt's text. */
    private static void open(SimulatorControlViewModel model, ListView<String> output) {
        int index = output.getSelectionModel().getSelectedIndex();
        if (index < 0) {
            return;
        }
        VBox pages = new VBox(10);
        pages.setPadding(new Insets(10));
        java.util.List<java.awt.image.BufferedImage> images = model.pages(index);
        if (images.isEmpty()) {
            Label text = new Label(output.getItems().get(index));
            text.setStyle("-fx-font-family: 'BIZ UDGothic'; -fx-font-size: 14px;");
            pages.getChildren().add(text);
        }
        for (java.awt.image.BufferedImage page : images) {
            javafx.scene.image.ImageView view =
                    new javafx.scene.image.ImageView(javafx.embed.swing.SwingFXUtils.toFXImage(page, null));
            view.setPreserveRatio(true);
            view.setFitWidth(800);
            pages.getChildren().add(view);
        }
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.setTitle(images.isEmpty() ? "Receipt" : "Printed certificate (simulated, in memory)");
        stage.setScene(new javafx.scene.Scene(new javafx.scene.control.ScrollPane(pages), 840, 900));
        stage.show();
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    @Override
    public Parent root() {
        return root;
    }
}
