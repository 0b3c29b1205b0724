package jp.madoguchi.kiosk.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import jp.madoguchi.kiosk.journal.CashEventKind;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.money.Yen;

/**
 * The daily close (日計) of one kiosk for one business day (Japan time): copies and fees per
 * municipality and type, and the cash that moved. Cash kept = inserted − change − refunds paid;
 * it equals the fees of printed copies, plus money held for transactions still open, minus
 * nothing else — refund vouchers are owed from the cash kept.
 */
public record DailyClose(String kioskId, LocalDate day, FeeSummary fees, Map<CashEventKind, Yen> cash) {

    public static DailyClose of(Journal journal, String kioskId, LocalDate day, ZoneId zone) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return new DailyClose(
                kioskId, day, FeeSummary.of(journal.ledgerEntries(from, to)), journal.cashTotals(from, to));
    }

    /** Cash that stayed in the kiosk: inserted minus change and refunds paid out. */
    public Yen cashKept() {
        return cash.get(CashEventKind.INSERTED)
                .minus(cash.get(CashEventKind.CHANGE_PAID))
                .minus(cash.get(CashEventKind.REFUND_PAID));
    }

    /** Refund vouchers (返金票) issued this day: owed to residents out of the cash kept. */
    public Yen vouchersOwed() {
        return cash.get(CashEventKind.REFUND_VOUCHER);
    }
}
