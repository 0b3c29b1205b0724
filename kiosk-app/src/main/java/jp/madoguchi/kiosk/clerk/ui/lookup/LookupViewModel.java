package jp.madoguchi.kiosk.clerk.ui.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.madoguchi.kiosk.clerk.ClerkActionRefused;
import jp.madoguchi.kiosk.clerk.ClerkEvent;
import jp.madoguchi.kiosk.clerk.ManualRefunds;
import jp.madoguchi.kiosk.clerk.RefundReason;
import jp.madoguchi.kiosk.clerk.StateChange;
import jp.madoguchi.kiosk.clerk.TransactionDetails;
import jp.madoguchi.kiosk.clerk.TransactionLookup;
import jp.madoguchi.kiosk.clerk.TransactionSummary;
import jp.madoguchi.kiosk.clerk.ui.ClerkScreenModel;
import jp.madoguchi.kiosk.clerk.ui.ClerkText;
import jp.madoguchi.kiosk.clerk.ui.InfoRow;
import jp.madoguchi.kiosk.money.Yen;

/**
 * Look-up of a transaction by the number or QR text on its receipt, voucher or 受付票, and the
 * manual refund with a reason from the fixed list. Shows ids, states, codes and money only.
 */
public final class LookupViewModel extends ClerkScreenModel {
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss")
            .withZone(java.time.ZoneId.of("Asia/Tokyo"));

    private final TransactionLookup lookup;
    private final ManualRefunds refunds;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<RefundReason> reason = new SimpleObjectProperty<>(RefundReason.VOUCHER_REDEEMED);
    private final BooleanProperty found = new SimpleBooleanProperty();
    private final ObservableList<InfoRow> details = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<RefundReason> reasons = FXCollections.observableArrayList(RefundReason.values());
    private TransactionDetails current;

    public LookupViewModel(TransactionLookup lookup, ManualRefunds refunds) {
        this.lookup = lookup;
        this.refunds = refunds;
    }

    @Override
    protected void refresh(ClerkText t) {
        showCurrent(t);
    }

    /** Looks up what is in {@link #code()}. */
    public void find() {
        try {
            Optional<TransactionDetails> d = lookup.find(code.get());
            current = d.orElse(null);
            showCurrent(text());
            if (d.isEmpty()) {
                say(
                        "lookup.notFound",
                        TransactionLookup.transactionOf(code.get()).value());
            } else {
                say("lookup.found", current.summary().id().value());
            }
        } catch (ClerkActionRefused e) {
            current = null;
            showCurrent(text());
            say("lookup.notACode");
        }
    }

    /** Records a manual refund of {@link #amount()} for {@link #reason()} on the transaction shown. */
    public void refund() {
        if (current == null) {
            say("lookup.findFirst");
            return;
        }
        Yen yen;
        try {
            yen = Yen.of(Long.parseLong(amount.get().replace(",", "").strip()));
        } catch (IllegalArgumentException e) {
            say("lookup.amountInvalid");
            return;
        }
        try {
            ClerkEvent e = refunds.refund(current.summary().id(), yen, reason.get());
            current = lookup.details(current.summary().id()).orElse(current);
            amount.set("");
            showCurrent(text());
            say("lookup.refunded", text().yen(e.amount()), text().text("reason." + reason.get()));
        } catch (ClerkActionRefused e) {
            switch (e.reason()) {
                case AMOUNT_TOO_LARGE -> say(
                        "lookup.tooMuch",
                        text().yen(
                                        reason.get() == RefundReason.VOUCHER_REDEEMED
                                                ? current.voucherOutstanding()
                                                : current.refundable()));
                case TRANSACTION_STILL_RUNNING -> say("lookup.running");
                default -> say("lookup.amountInvalid");
            }
        }
    }

    private void showCurrent(ClerkText t) {
        found.set(current != null);
        if (current == null) {
            details.clear();
            history.clear();
            return;
        }
        TransactionSummary s = current.summary();
        List<InfoRow> rows = new ArrayList<>();
        rows.add(InfoRow.plain(t.text("lookup.number"), s.id().value()));
        rows.add(InfoRow.plain(
                t.text("lookup.state"), t.textOr("state." + s.state(), s.state().name())));
        rows.add(InfoRow.plain(t.text("lookup.started"), TIME.format(s.startedAt())));
        rows.add(InfoRow.plain(
                t.text("lookup.municipality"),
                s.municipalityCode().map(Object::toString).orElse("-")));
        rows.add(InfoRow.plain(
                t.text("lookup.copies"), t.text("lookup.copiesOf", s.copiesPrinted(), s.copiesOrdered())));
        rows.add(InfoRow.plain(t.text("lookup.fees"), t.yen(s.printedFees())));
        rows.add(InfoRow.plain(t.text("lookup.inserted"), t.yen(s.inserted())));
        rows.add(InfoRow.plain(t.text("lookup.change"), t.yen(s.changePaid())));
        rows.add(InfoRow.plain(t.text("lookup.refundsPaid"), t.yen(s.refundsPaid())));
        rows.add(InfoRow.plain(t.text("lookup.vouchers"), t.yen(s.vouchersOwed())));
        rows.add(InfoRow.plain(
                t.text("lookup.lastCode"), s.lastCode().map(Object::toString).orElse("-")));
        rows.add(InfoRow.plain(t.text("lookup.manuallyRefunded"), t.yen(current.manuallyRefunded())));
        rows.add(new InfoRow(
                t.text("lookup.voucherOutstanding"),
                t.yen(current.voucherOutstanding()),
                current.voucherOutstanding().isZero() ? "plain" : "warning"));
        rows.add(InfoRow.plain(t.text("lookup.refundable"), t.yen(current.refundable())));
        details.setAll(rows);
        List<String> lines = new ArrayList<>();
        for (StateChange c : current.history()) {
            lines.add(TIME.format(c.at()) + "  " + c.state()
                    + c.code().map(x -> "  " + x).orElse(""));
        }
        for (ClerkEvent e : current.clerkEvents()) {
            lines.add(TIME.format(e.at()) + "  " + e.kind() + "  " + t.yen(e.amount())
                    + e.code().map(x -> "  " + x).orElse(""));
        }
        history.setAll(lines);
    }

    public StringProperty code() {
        return code;
    }

    public StringProperty amount() {
        return amount;
    }

    public ObjectProperty<RefundReason> reason() {
        return reason;
    }

    public ReadOnlyBooleanProperty found() {
        return found;
    }

    public ObservableList<InfoRow> details() {
        return details;
    }

    public ObservableList<String> history() {
        return history;
    }

    public ObservableList<RefundReason> reasons() {
        return reasons;
    }

    /** A reason's name in the current language (for the choice list). */
    public String reasonName(RefundReason r) {
        return text().text("reason." + r);
    }
}
