package jp.madoguchi.kiosk.ui.thanks;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/** Thank you, with the receipt's figures (certificates, fee, paid, change; no personal data). */
public final class ThanksViewModel implements ScreenModel {
    private final ScreenContext context;
    private final ObservableList<String> receipt = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty note = new SimpleStringProperty();
    private final StringProperty homeLabel = new SimpleStringProperty();

    public ThanksViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        EngineSnapshot s = context.journey().ending().orElse(context.journey().snapshot());
        title.set(text.text("thanks.title"));
        List<String> lines = new ArrayList<>();
        for (OrderItem item : s.order()) {
            lines.add(text.text("thanks.item", text.text("type." + item.type().name()), item.copies()));
        }
        lines.add(text.text("thanks.fee", text.yen(s.fee())));
        lines.add(text.text("thanks.paid", text.yen(s.inserted())));
        lines.add(text.text("thanks.change", text.yen(s.changePaid())));
        if (!s.refundOwed().isZero()) {
            lines.add(text.text("end.money.voucher", text.yen(s.refundOwed())));
        }
        s.transactionId().ifPresent(id -> lines.add(text.text("thanks.transaction", id)));
        receipt.setAll(lines);
        note.set(text.text("thanks.note"));
        homeLabel.set(text.text("nav.home"));
    }

    public void home() {
        context.journey().startOver();
    }

    public ObservableList<String> receipt() {
        return receipt;
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty note() {
        return note;
    }

    public ReadOnlyStringProperty homeLabel() {
        return homeLabel;
    }
}
