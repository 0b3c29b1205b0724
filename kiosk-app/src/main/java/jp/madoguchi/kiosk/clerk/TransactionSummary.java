package jp.madoguchi.kiosk.clerk;

import java.time.Instant;
import java.util.Optional;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.TransactionState;

/**
 * What clerk mode may know of one transaction: its number, state, municipality code, counts,
 * money and last code. Nothing here can name a resident.
 *
 * @param copiesOrdered copies in the documents the center issued
 * @param copiesPrinted copies recorded as printed (ledger entries)
 * @param printedFees fees those copies earned
 * @param inserted cash taken (or received by counter staff)
 * @param changePaid change paid out
 * @param refundsPaid refunds paid out by the kiosk
 * @param vouchersOwed refunds owed on a 返金票
 * @param lastCode the last error or reason code journaled
 */
public record TransactionSummary(
        TransactionId id,
        Instant startedAt,
        TransactionState state,
        Optional<MunicipalityCode> municipalityCode,
        int copiesOrdered,
        int copiesPrinted,
        Yen printedFees,
        Yen inserted,
        Yen changePaid,
        Yen refundsPaid,
        Yen vouchersOwed,
        Optional<Code> lastCode) {

    /** Money the kiosk kept for this transaction: inserted minus change and refunds paid. */
    public Yen kept() {
        return inserted.minus(changePaid).minus(refundsPaid);
    }
}
