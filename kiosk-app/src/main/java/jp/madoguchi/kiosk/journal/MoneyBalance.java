package jp.madoguchi.kiosk.journal;

import jp.madoguchi.kiosk.money.Yen;

/**
 * A transaction's money as the journal knows it. The invariant of design §3: once a transaction
 * has ended, cash in = fees of printed copies + change paid + refunds (paid or owed). While it
 * runs, the difference is what the kiosk still holds for the resident.
 */
public record MoneyBalance(Yen inserted, Yen printedFees, Yen changePaid, Yen refundsPaid, Yen refundsOwed) {

    /** What the kiosk still holds for this resident (inserted minus everything accounted for). */
    public long held() {
        return inserted.amount()
                - printedFees.amount()
                - changePaid.amount()
                - refundsPaid.amount()
                - refundsOwed.amount();
    }

    /** True when every inserted yen is accounted for. */
    public boolean isSettled() {
        return held() == 0;
    }
}
