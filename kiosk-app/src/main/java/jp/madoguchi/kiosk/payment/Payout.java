package jp.madoguchi.kiosk.payment;

import jp.madoguchi.kiosk.money.Yen;

/** Money to give back: what the hoppers paid, and what they could not (owed on a 返金票). */
public record Payout(Yen paid, Yen owed) {
    public static final Payout NONE = new Payout(Yen.ZERO, Yen.ZERO);

    public Yen total() {
        return paid.plus(owed);
    }

    /** True when a refund voucher (返金票) must be printed for the resident. */
    public boolean needsVoucher() {
        return !owed.isZero();
    }
}
