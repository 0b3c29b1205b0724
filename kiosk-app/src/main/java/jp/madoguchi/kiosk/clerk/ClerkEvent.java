package jp.madoguchi.kiosk.clerk;

import java.time.Instant;
import java.util.Optional;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;

/**
 * One row of the clerk records.
 *
 * @param seq its order
 * @param at when
 * @param kind what
 * @param transactionId the transaction it concerns (refunds, counter confirmations)
 * @param amount money counted, refunded or received
 * @param expectedAmount for a coin collection, what the journal says the box holds
 * @param count sheets, copies or files
 * @param code a reason, printer or result code
 */
public record ClerkEvent(
        long seq,
        Instant at,
        ClerkEventKind kind,
        Optional<TransactionId> transactionId,
        Yen amount,
        Yen expectedAmount,
        int count,
        Optional<Code> code) {}
