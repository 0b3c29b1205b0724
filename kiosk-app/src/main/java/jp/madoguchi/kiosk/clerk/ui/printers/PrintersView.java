package jp.madoguchi.kiosk.clerk.ui.printers;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import jp.madoguchi.kiosk.clerk.ui.ClerkPane;
import jp.madoguchi.kiosk.clerk.ui.ClerkWork;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the printers screen: test prints, paper, the jam guide. */
public final class PrintersView implements ScreenView {
    private final ClerkPane root;

    public PrintersView(PrintersViewModel model, ClerkWork work) {
        root = new ClerkPane("clerk-printers", model.label("printers.title"));
        HBox tests = new HBox(
                16,
                ClerkPane.button(
                        "clerk-test-certificate",
                        model.label("printers.testCertificate"),
                        () -> work.run(model::testCertificatePrinter, Runnable::run),
                        "primary"),
                ClerkPane.button(
                        "clerk-test-receipt",
                        model.label("printers.testReceipt"),
                        () -> work.run(model::testReceiptPrinter, Runnable::run),
                        "primary"));
        HBox paper = new HBox(
                16,
                ClerkPane.label(model.label("printers.sheetsLabel"), "clerk-body"),
                ClerkPane.field("clerk-sheets", model.sheets(), 120),
                ClerkPane.button(
                        "clerk-paper-loaded",
                        model.label("printers.paperLoaded"),
                        () -> work.run(model::certificatePaperLoaded, Runnable::run),
                        "secondary"),
                ClerkPane.button(
                        "clerk-roll-changed",
                        model.label("printers.rollChanged"),
                        () -> work.run(model::receiptRollChanged, Runnable::run),
                        "secondary"));
        paper.setAlignment(Pos.CENTER_LEFT);
        ListView<String> jam = new ListView<>(model.jamGuide());
        jam.setId("clerk-jam-guide");
        jam.setPrefHeight(230);
        jam.setFocusTraversable(false);
        Label jamTitle = ClerkPane.label(model.label("printers.jamTitle"), "clerk-subtitle");
        root.getChildren().addAll(tests, paper, jamTitle, jam);
        root.message(model.message());
    }

    @Override
    public Parent root() {
        return root;
    }
}
