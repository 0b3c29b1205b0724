package jp.madoguchi.kiosk.clerk;

import java.util.Optional;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Money a clerk hands back from the store's till for a finished transaction, with a reason from a
 * fixed list. Each refund is one audited clerk record; the journal's own money records stay as
 * they were (they say what the kiosk did), and the daily close shows manual refunds on their own
 * line. A refund can never exceed what the kiosk kept for the transaction, and a voucher
 * redemption never exceeds the voucher still outstanding.
 */
public final class ManualRefunds {
    private static final Logger LOG = LoggerFactory.getLogger(ManualRefunds.class);

    private final ClerkJournal records;
    private final TransactionLookup lookup;

    public ManualRefunds(ClerkJournal records) {
        this.records = records;
        this.lookup = new TransactionLookup(records);
    }

    /**
     * Records that the clerk handed {@code amount} back for {@code id}.
     *
     * @throws ClerkActionRefused when the transaction is unknown or still running, or the amount
     *     is not positive or more than may be refunded
     */
    public synchronized ClerkEvent refund(TransactionId id, Yen amount, RefundReason reason) {
        TransactionDetails details = lookup.details(id)
                .orElseThrow(() -> new ClerkActionRefused(
                        ClerkActionRefused.Reason.UNKNOWN_TRANSACTION,
                        "transaction " + id + " is not in this kiosk's journal: check the number on the receipt"));
        if (!details.summary().state().isFinal()) {
            throw new ClerkActionRefused(
                    ClerkActionRefused.Reason.TRANSACTION_STILL_RUNNING,
                    "transaction " + id + " is still " + details.summary().state()
                            + ": the kiosk settles it itself; refund once it has ended");
        }
        if (amount.isZero()) {
            throw new ClerkActionRefused(
                    ClerkActionRefused.Reason.AMOUNT_NOT_POSITIVE, "enter the amount handed back (more than 0 yen)");
        }
        Yen limit = reason == RefundReason.VOUCHER_REDEEMED ? details.voucherOutstanding() : details.refundable();
        if (amount.compareTo(limit) > 0) {
            throw new ClerkActionRefused(
                    ClerkActionRefused.Reason.AMOUNT_TOO_LARGE,
                    "at most " + limit.amount() + " yen can be refunded for " + id
                            + (reason == RefundReason.VOUCHER_REDEEMED ? " (the voucher still outstanding)" : "")
                            + ": check the amount");
        }
        ClerkEvent event = records.record(
                ClerkEventKind.MANUAL_REFUND, Optional.of(id), amount, Yen.ZERO, 0, Optional.of(reason.code()));
        LOG.info("{} manual refund {} yen ({})", id, amount.amount(), reason);
        return event;
    }
}
