package jp.madoguchi.kiosk.journal;

/** A movement of the resident's money at the kiosk. */
public enum CashEventKind {
    /** Coins or bills accepted from the resident. */
    INSERTED,
    /** Change for overpayment, paid out by the hopper. */
    CHANGE_PAID,
    /** A refund (cancel, failed copy) paid out by the hopper. */
    REFUND_PAID,
    /** A refund the hopper could not pay, printed as a 返金票 and owed to the resident. */
    REFUND_VOUCHER
}
