package jp.madoguchi.kiosk.ui.ended;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/**
 * A transaction that ended before the resident's paper was out: what happened, what to do, and
 * what happens to the money (returned by the coin hoppers, owed on a refund voucher, or none
 * was taken). Asks for the card while it is still in the reader.
 */
public final class EndedViewModel implements ScreenModel {
    private final ScreenContext context;
    private final StringProperty what = new SimpleStringProperty();
    private final StringProperty todo = new SimpleStringProperty();
    private final StringProperty money = new SimpleStringProperty();
    private final StringProperty card = new SimpleStringProperty();
    private final StringProperty homeLabel = new SimpleStringProperty();
    private final StringProperty cause = new SimpleStringProperty();
    private final BooleanProperty cardOut = new SimpleBooleanProperty();

    public EndedViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        EngineSnapshot s = context.journey().ending().orElse(context.journey().snapshot());
        String c = cause(s);
        cause.set(c);
        if (c.startsWith("center.error.")) {
            what.set(text.text("end.what.center"));
            todo.set(text.text(c));
        } else {
            what.set(text.textOr("end.what." + c, "end.what.transaction.failed"));
            todo.set(text.textOr("end.todo." + c, "end.todo.transaction.failed"));
        }
        money.set(moneyText(s, text));
        boolean out = context.journey().snapshot().state() == TransactionState.IDLE;
        cardOut.set(out);
        card.set(out ? "" : text.text("end.takeCard"));
        homeLabel.set(text.text("nav.home"));
    }

    /** The message key of what happened (the refund keys hide it; the error code tells). */
    static String cause(EngineSnapshot s) {
        String key = s.messageKey();
        if (!key.startsWith("refund.")) {
            return key;
        }
        return switch (s.errorCode().orElse("")) {
            case "TIMEOUT" -> "transaction.timeout";
            case "CARD_REMOVED" -> "transaction.cardRemoved";
            case "CANCELLED" -> "transaction.cancelled";
            case "PAPER_JAM", "PAPER_OUT", "JOB_TIMED_OUT", "NOT_PRINTED" -> "printing.failed";
            default -> "transaction.failed";
        };
    }

    private static String moneyText(EngineSnapshot s, UiText text) {
        if (s.inserted().isZero()) {
            return text.text("end.money.none");
        }
        List<String> parts = new ArrayList<>();
        if (s.copiesPrinted() > 0) {
            parts.add(text.text("end.money.charged", s.copiesPrinted()));
        }
        Yen returned = s.changePaid().plus(s.refundPaid());
        if (!returned.isZero()) {
            parts.add(text.text("end.money.returned", text.yen(returned)));
        }
        if (!s.refundOwed().isZero()) {
            parts.add(text.text(
                    s.messageKey().equals("refund.askClerk") ? "end.money.askClerk" : "end.money.voucher",
                    text.yen(s.refundOwed())));
        }
        return String.join("\n", parts);
    }

    /** Back to the start (only once the card is out). */
    public void home() {
        context.journey().startOver();
    }

    public ReadOnlyStringProperty what() {
        return what;
    }

    public ReadOnlyStringProperty todo() {
        return todo;
    }

    public ReadOnlyStringProperty money() {
        return money;
    }

    public ReadOnlyStringProperty card() {
        return card;
    }

    public ReadOnlyStringProperty homeLabel() {
        return homeLabel;
    }

    /** The message key of the cause, e.g. {@code card.pinLocked}. */
    public ReadOnlyStringProperty cause() {
        return cause;
    }

    public ReadOnlyBooleanProperty cardOut() {
        return cardOut;
    }
}
