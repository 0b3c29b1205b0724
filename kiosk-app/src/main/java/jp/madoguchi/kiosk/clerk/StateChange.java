package jp.madoguchi.kiosk.clerk;

import java.time.Instant;
import java.util.Optional;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.transaction.TransactionState;

/** One journaled transition of a transaction, with its error or reason code. */
public record StateChange(TransactionId transactionId, Instant at, TransactionState state, Optional<Code> code) {}
