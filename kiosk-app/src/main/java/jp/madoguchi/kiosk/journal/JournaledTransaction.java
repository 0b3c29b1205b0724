package jp.madoguchi.kiosk.journal;

import java.time.Instant;
import java.util.Optional;
import jp.madoguchi.kiosk.transaction.TransactionState;

/** A transaction's row in the journal: where it got to, and its center references. */
public record JournaledTransaction(
        TransactionId id,
        String kioskId,
        Instant startedAt,
        TransactionState state,
        Optional<String> municipalityCode,
        Optional<String> centerSessionId,
        Optional<String> issuanceId) {}
