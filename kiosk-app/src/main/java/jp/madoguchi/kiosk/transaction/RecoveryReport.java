package jp.madoguchi.kiosk.transaction;

import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;

/** What start-up recovery did with one transaction that was open when the kiosk stopped. */
public record RecoveryReport(
        TransactionId transactionId,
        TransactionState foundIn,
        TransactionState endedIn,
        Yen refundVoucher,
        boolean voidedAtCenter) {}
