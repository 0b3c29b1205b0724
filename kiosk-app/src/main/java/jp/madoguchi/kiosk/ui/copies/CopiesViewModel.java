package jp.madoguchi.kiosk.ui.copies;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.ui.OrderDraft;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenId;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/** How many copies (1 to the municipality's limit), with the fee as it grows. */
public final class CopiesViewModel implements ScreenModel {
    private final ScreenContext context;
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty count = new SimpleStringProperty();
    private final StringProperty fee = new SimpleStringProperty();
    private final StringProperty limit = new SimpleStringProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty nextLabel = new SimpleStringProperty();
    private final StringProperty backLabel = new SimpleStringProperty();
    private final BooleanProperty canAdd = new SimpleBooleanProperty();
    private final BooleanProperty canRemove = new SimpleBooleanProperty();
    private UiText text;

    public CopiesViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        this.text = text;
        OrderDraft draft = context.journey().draft();
        EngineSnapshot s = context.journey().snapshot();
        MenuItem item = draft.item().orElse(null);
        title.set(
                item == null
                        ? ""
                        : text.text(
                                "copies.title", text.text("type." + item.type().name())));
        count.set(text.text("copies.count", draft.copies()));
        long perCopy = item == null ? 0 : item.feeYen();
        fee.set(text.text(
                "copies.fee", text.yen(Yen.of(perCopy)), draft.copies(), text.yen(Yen.of(perCopy * draft.copies()))));
        limit.set(text.text("copies.limit", draft.maxCopies()));
        problem.set(s.errorCode().isPresent() ? text.textOr(s.messageKey(), "order.notAllowed") : "");
        nextLabel.set(text.text("nav.next"));
        backLabel.set(text.text("nav.back"));
        canAdd.set(draft.copies() < draft.maxCopies());
        canRemove.set(draft.copies() > 1);
    }

    public void more() {
        context.journey().draft().copies(context.journey().draft().copies() + 1);
        show(text);
    }

    public void fewer() {
        context.journey().draft().copies(context.journey().draft().copies() - 1);
        show(text);
    }

    /** Sends the order to the engine (the confirmation screen follows its answer). */
    public void next() {
        OrderDraft draft = context.journey().draft();
        if (draft.isComplete()) {
            context.intents().orderChosen(draft.order());
        }
    }

    public void back() {
        context.journey().goTo(context.journey().draft().hasOptions() ? ScreenId.OPTIONS : ScreenId.MENU);
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty count() {
        return count;
    }

    public ReadOnlyStringProperty fee() {
        return fee;
    }

    public ReadOnlyStringProperty limit() {
        return limit;
    }

    public ReadOnlyStringProperty problem() {
        return problem;
    }

    public ReadOnlyStringProperty nextLabel() {
        return nextLabel;
    }

    public ReadOnlyStringProperty backLabel() {
        return backLabel;
    }

    public ReadOnlyBooleanProperty canAdd() {
        return canAdd;
    }

    public ReadOnlyBooleanProperty canRemove() {
        return canRemove;
    }
}
