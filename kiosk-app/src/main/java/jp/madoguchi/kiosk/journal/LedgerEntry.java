package jp.madoguchi.kiosk.journal;

import java.time.Instant;
import jp.madoguchi.kiosk.money.FeeSplit;

/** One printed copy in the fee ledger. */
public record LedgerEntry(
        TransactionId transactionId,
        String documentId,
        int copyNumber,
        String municipalityCode,
        String type,
        FeeSplit split,
        Instant printedAt) {}
