package jp.madoguchi.kiosk.clerk.ui.money;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import jp.madoguchi.kiosk.clerk.ui.ClerkPane;
import jp.madoguchi.kiosk.clerk.ui.ClerkWork;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the money screen: coin box left, the daily close and statements right. */
public final class MoneyView implements ScreenView {
    private final ClerkPane root;

    public MoneyView(MoneyViewModel model, ClerkWork work) {
        root = new ClerkPane("clerk-money", model.label("money.title"));
        VBox coinBox = new VBox(
                10,
                ClerkPane.label(model.label("money.coinBoxTitle"), "clerk-subtitle"),
                ClerkPane.label(model.label("money.expectedLabel"), "clerk-body"),
                ClerkPane.label(model.expected(), "clerk-amount"),
                ClerkPane.label(model.label("money.countedLabel"), "clerk-body"),
                ClerkPane.field("clerk-counted", model.counted(), 200),
                ClerkPane.button("clerk-collect", model.label("money.collect"), model::collect, "primary"),
                ClerkPane.label(model.label("money.monthLabel"), "clerk-body"),
                ClerkPane.field("clerk-month", model.month(), 200),
                ClerkPane.label(model.label("money.dirLabel"), "clerk-body"),
                ClerkPane.field("clerk-statement-dir", model.statementDir(), 320),
                ClerkPane.button(
                        "clerk-write-statements",
                        model.label("money.writeStatements"),
                        model::writeStatements,
                        "secondary"));
        coinBox.setPrefWidth(380);
        HBox dayRow = new HBox(
                12,
                ClerkPane.label(model.label("money.dayLabel"), "clerk-body"),
                ClerkPane.field("clerk-day", model.day(), 170),
                ClerkPane.button("clerk-show-day", model.label("money.show"), model::showDay, "secondary"),
                ClerkPane.button(
                        "clerk-print-close",
                        model.label("money.printClose"),
                        () -> work.run(model::printDailyClose, Runnable::run),
                        "primary"));
        dayRow.setAlignment(Pos.CENTER_LEFT);
        VBox day = new VBox(10, dayRow, ClerkPane.table("clerk-day-figures", model.figures()));
        HBox body = new HBox(32, coinBox, day);
        root.getChildren().add(body);
        root.message(model.message());
    }

    @Override
    public Parent root() {
        return root;
    }
}
