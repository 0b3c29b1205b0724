package jp.madoguchi.kiosk.ui.confirm;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.ui.FiscalYearText;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenId;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/** The order as the engine accepted it: one line per certificate (fee × copies, tax year), the total. */
public final class ConfirmViewModel implements ScreenModel {
    private final ScreenContext context;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty total = new SimpleStringProperty();
    private final StringProperty note = new SimpleStringProperty();
    private final StringProperty payLabel = new SimpleStringProperty();
    private final StringProperty changeLabel = new SimpleStringProperty();

    public ConfirmViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        EngineSnapshot s = context.journey().snapshot();
        title.set(text.text("confirm.title"));
        List<String> next = new ArrayList<>();
        for (OrderItem item : s.order()) {
            long perCopy = s.menu()
                    .flatMap(m -> m.item(item.type()))
                    .map(m -> (long) m.feeYen())
                    .orElse(0L);
            String extras = item.options().stream()
                    .map(o -> text.text("option." + o.name()))
                    .collect(Collectors.joining(text.text("list.separator")));
            if (item.fiscalYear() != null) {
                // The tax certificate's year is what the resident chose it for: say it here.
                FiscalYearText fiscal = new FiscalYearText(text);
                extras = text.text(
                        "confirm.taxYear", fiscal.year(item.fiscalYear()), fiscal.incomeOf(item.fiscalYear()));
            }
            next.add(text.text(
                    item.fiscalYear() != null ? "confirm.lineTaxYear" : "confirm.line",
                    text.text("type." + item.type().name()),
                    text.text("scope." + item.scope().name()),
                    text.yen(Yen.of(perCopy)),
                    item.copies(),
                    text.yen(Yen.of(perCopy * item.copies())),
                    extras.isEmpty() ? text.text("confirm.noExtras") : extras));
        }
        lines.setAll(next);
        total.set(text.text("confirm.total", text.yen(s.fee())));
        note.set(text.text("confirm.note"));
        payLabel.set(text.text("confirm.pay"));
        changeLabel.set(text.text("confirm.change"));
    }

    /** The resident accepts the fee: the payment device opens. */
    public void pay() {
        context.intents().feeConfirmed();
    }

    /** Back to the menu to change the order. */
    public void change() {
        context.journey().goTo(ScreenId.MENU);
    }

    public ObservableList<String> lines() {
        return lines;
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty total() {
        return total;
    }

    public ReadOnlyStringProperty note() {
        return note;
    }

    public ReadOnlyStringProperty payLabel() {
        return payLabel;
    }

    public ReadOnlyStringProperty changeLabel() {
        return changeLabel;
    }
}
