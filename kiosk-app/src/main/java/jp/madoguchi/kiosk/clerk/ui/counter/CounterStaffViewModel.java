package jp.madoguchi.kiosk.clerk.ui.counter;

import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.madoguchi.kiosk.clerk.ui.ClerkScreenModel;
import jp.madoguchi.kiosk.clerk.ui.ClerkText;
import jp.madoguchi.kiosk.clerk.ui.InfoRow;
import jp.madoguchi.kiosk.counter.CounterLane;
import jp.madoguchi.kiosk.counter.CounterWindow;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.FeeCollection;

/**
 * The counter staff's screen: the 受付票 waiting for payment, and the confirmation by scanned QR
 * text or typed ticket number with the amount received.
 */
public final class CounterStaffViewModel extends ClerkScreenModel {
    private static final java.time.format.DateTimeFormatter HH_MM =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    private final CounterWindow window;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty received = new SimpleStringProperty("");
    private final ObservableList<InfoRow> waiting = FXCollections.observableArrayList();

    public CounterStaffViewModel(CounterWindow window) {
        this.window = window;
    }

    private boolean confirmedOnce;

    @Override
    protected void refresh(ClerkText t) {
        waiting.setAll(window.waiting().stream().map(ticket -> row(t, ticket)).toList());
        if (!confirmedOnce) {
            if (waiting.isEmpty()) {
                say("counter.none");
            } else {
                say("counter.waitingCount", waiting.size());
            }
        }
    }

    /** Re-reads the waiting tickets (the view calls this every few seconds). */
    public void poll() {
        refresh(text());
    }

    /** Confirms the ticket in {@link #code()} with the amount in {@link #received()} (the fee when blank). */
    public void confirm() {
        Optional<Yen> money;
        String typed =
                received.get() == null ? "" : received.get().replace(",", "").strip();
        try {
            money = typed.isEmpty() ? Optional.empty() : Optional.of(Yen.of(Long.parseLong(typed)));
        } catch (IllegalArgumentException e) {
            say("counter.amountInvalid");
            return;
        }
        CounterWindow.Confirmation c = window.confirm(code.get(), money);
        confirmedOnce = true;
        switch (c.outcome()) {
            case RELEASED -> say(
                    "counter.released",
                    c.ticket().map(t -> t.code().ticketNumber()).orElse("?"),
                    text().yen(c.change()));
            case NOT_A_TICKET -> say("counter.notATicket");
            case NOT_WAITING -> say("counter.notWaiting");
            case AMBIGUOUS -> say("counter.ambiguous");
            case AMOUNT_SHORT -> say(
                    "counter.short",
                    c.ticket().map(t -> text().yen(t.code().fee())).orElse("?"));
        }
        if (c.outcome() == CounterWindow.Outcome.RELEASED) {
            code.set("");
            received.set("");
        }
        waiting.setAll(
                window.waiting().stream().map(ticket -> row(text(), ticket)).toList());
    }

    private static InfoRow row(ClerkText t, CounterLane.OpenTicket ticket) {
        StringBuilder items = new StringBuilder();
        for (FeeCollection.Line line : ticket.lines()) {
            if (items.length() > 0) {
                items.append(", ");
            }
            items.append(line.title()).append(" ").append(t.text("counter.copies", line.copies()));
        }
        return new InfoRow(
                ticket.code().ticketNumber() + "  " + ticket.issuedAt().format(HH_MM),
                items + "  " + t.yen(ticket.code().fee()),
                "warning");
    }

    public StringProperty code() {
        return code;
    }

    public StringProperty received() {
        return received;
    }

    public ObservableList<InfoRow> waiting() {
        return waiting;
    }
}
