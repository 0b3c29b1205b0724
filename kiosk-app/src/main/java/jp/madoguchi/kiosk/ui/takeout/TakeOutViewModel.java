package jp.madoguchi.kiosk.ui.takeout;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/**
 * Take your certificates, your change and your card. When the card stays in the reader the
 * engine raises the card-left alarm: the screen flashes a banner and the window sounds a tone
 * until the card is taken.
 */
public final class TakeOutViewModel implements ScreenModel {
    private final ScreenContext context;
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty paper = new SimpleStringProperty();
    private final StringProperty change = new SimpleStringProperty();
    private final StringProperty card = new SimpleStringProperty();
    private final StringProperty alarmText = new SimpleStringProperty();
    private final BooleanProperty alarm = new SimpleBooleanProperty();
    private final BooleanProperty changeShown = new SimpleBooleanProperty();

    public TakeOutViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        EngineSnapshot s = context.journey().snapshot();
        title.set(text.text("takeOut.title"));
        paper.set(text.text("takeOut.paper", s.copiesPrinted()));
        boolean hasChange = !s.changePaid().isZero();
        changeShown.set(hasChange || !s.refundOwed().isZero());
        change.set(
                !s.refundOwed().isZero()
                        ? text.text("takeOut.voucher", text.yen(s.refundOwed()))
                        : hasChange ? text.text("takeOut.change", text.yen(s.changePaid())) : "");
        card.set(text.text("takeOut.card"));
        alarm.set(s.cardLeftAlarm());
        alarmText.set(text.text("takeOut.alarm"));
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty paper() {
        return paper;
    }

    public ReadOnlyStringProperty change() {
        return change;
    }

    public ReadOnlyBooleanProperty changeShown() {
        return changeShown;
    }

    public ReadOnlyStringProperty card() {
        return card;
    }

    public ReadOnlyStringProperty alarmText() {
        return alarmText;
    }

    public ReadOnlyBooleanProperty alarm() {
        return alarm;
    }
}
