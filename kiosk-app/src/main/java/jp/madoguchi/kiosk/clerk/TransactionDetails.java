package jp.madoguchi.kiosk.clerk;

import java.util.List;
import jp.madoguchi.kiosk.money.Yen;

/**
 * A transaction as the clerk's look-up shows it: the summary, every journaled state change, the
 * clerk's own records about it, and what may still be refunded by hand.
 *
 * @param manuallyRefunded money clerks handed back for it so far
 * @param refundable what a manual refund may still hand back (kept minus manual refunds)
 * @param voucherOutstanding refund-voucher money not yet redeemed at the counter
 */
public record TransactionDetails(
        TransactionSummary summary,
        List<StateChange> history,
        List<ClerkEvent> clerkEvents,
        Yen manuallyRefunded,
        Yen refundable,
        Yen voucherOutstanding) {
    public TransactionDetails {
        history = List.copyOf(history);
        clerkEvents = List.copyOf(clerkEvents);
    }
}
