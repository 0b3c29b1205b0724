package jp.madoguchi.kiosk.clerk.ui.lookup;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.madoguchi.kiosk.clerk.RefundReason;
import jp.madoguchi.kiosk.clerk.ui.ClerkPane;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the look-up screen: code field, details and history, refund with reason. */
public final class LookupView implements ScreenView {
    private final ClerkPane root;

    public LookupView(LookupViewModel model) {
        root = new ClerkPane("clerk-lookup", model.label("lookup.title"));
        HBox find = new HBox(
                12,
                ClerkPane.field("clerk-lookup-code", model.code(), 460),
                ClerkPane.button("clerk-lookup-find", model.label("lookup.find"), model::find, "primary"));
        find.setAlignment(Pos.CENTER_LEFT);

        ComboBox<RefundReason> reason = new ComboBox<>(model.reasons());
        reason.setId("clerk-refund-reason");
        reason.valueProperty().bindBidirectional(model.reason());
        reason.setCellFactory(list -> new ReasonCell(model));
        reason.setButtonCell(new ReasonCell(model));
        reason.setMinHeight(ClerkPane.BUTTON_HEIGHT * 0.75);
        model.label("lookup.reasonLabel").addListener((o, a, b) -> {
            reason.setButtonCell(new ReasonCell(model)); // follow the language
        });
        HBox refund = new HBox(
                12,
                ClerkPane.label(model.label("lookup.reasonLabel"), "clerk-body"),
                reason,
                ClerkPane.label(model.label("lookup.amountLabel"), "clerk-body"),
                ClerkPane.field("clerk-refund-amount", model.amount(), 140),
                ClerkPane.button("clerk-refund", model.label("lookup.refund"), model::refund, "secondary"));
        refund.setAlignment(Pos.CENTER_LEFT);
        refund.disableProperty().bind(model.found().not());

        ListView<String> history = new ListView<>(model.history());
        history.setId("clerk-lookup-history");
        history.setPrefHeight(220);
        history.setPrefWidth(520);
        history.setFocusTraversable(false);
        HBox body = new HBox(
                24,
                ClerkPane.table("clerk-lookup-details", model.details()),
                new VBox(8, ClerkPane.label(model.label("lookup.historyTitle"), "clerk-subtitle"), history));
        root.getChildren().addAll(ClerkPane.label(model.label("lookup.codeLabel"), "clerk-body"), find, body, refund);
        root.message(model.message());
    }

    private static final class ReasonCell extends ListCell<RefundReason> {
        private final LookupViewModel model;

        ReasonCell(LookupViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(RefundReason item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : model.reasonName(item));
        }
    }

    @Override
    public Parent root() {
        return root;
    }
}
