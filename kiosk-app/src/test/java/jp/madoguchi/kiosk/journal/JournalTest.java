package jp.madoguchi.kiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import jp.madoguchi.kiosk.KioskErrorCode;
import jp.madoguchi.kiosk.KioskException;
import jp.madoguchi.kiosk.money.FeeSplit;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.TransactionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Journal open() {
        return Journal.open(dir.resolve("journal.db"), "K0001", CLOCK);
    }

    @Test
    void aPaidAndPrintedTransactionSettlesEveryYen() {
        try (Journal journal = open()) {
            TransactionId id = journal.begin();
            assertThat(id.value()).isEqualTo("K0001-20261123-0001");
            journal.recordCenterSession(id, "131016", "S-1");
            journal.transition(id, TransactionState.FEE_CONFIRMED, null);
            journal.recordOrderedDocument(id, new OrderedDocument("D-1", "RESIDENCE_RECORD", 2, Yen.of(200)));
            journal.recordCash(id, CashEventKind.INSERTED, Yen.of(500));
            journal.recordCash(id, CashEventKind.CHANGE_PAID, Yen.of(100));
            journal.transition(id, TransactionState.PAID, null);
            assertThat(journal.balance(id).held())
                    .as("paid, nothing printed yet")
                    .isEqualTo(400);

            FeeSplit split = FeeSplit.of(Yen.of(200), FeeSplit.STANDARD_OPERATOR_SHARE);
            journal.recordCopyPrinted(id, "D-1", 1, "131016", "RESIDENCE_RECORD", split);
            journal.recordCopyPrinted(id, "D-1", 2, "131016", "RESIDENCE_RECORD", split);
            journal.transition(id, TransactionState.DONE, null);

            MoneyBalance balance = journal.balance(id);
            assertThat(balance.printedFees()).isEqualTo(Yen.of(400));
            assertThat(balance.isSettled()).isTrue();
            assertThat(journal.printedCopies(id, "D-1")).isEqualTo(2);
            assertThat(journal.history(id))
                    .containsExactly(
                            TransactionState.CARD_PRESENT,
                            TransactionState.FEE_CONFIRMED,
                            TransactionState.PAID,
                            TransactionState.DONE);
        }
    }

    @Test
    void aCopyCannotBeChargedTwice() {
        try (Journal journal = open()) {
            TransactionId id = journal.begin();
            FeeSplit split = FeeSplit.of(Yen.of(300), FeeSplit.STANDARD_OPERATOR_SHARE);
            journal.recordCopyPrinted(id, "D-1", 1, "131016", "RESIDENCE_RECORD", split);
            assertThatThrownBy(() -> journal.recordCopyPrinted(id, "D-1", 1, "131016", "RESIDENCE_RECORD", split))
                    .isInstanceOf(KioskException.class)
                    .extracting(e -> ((KioskException) e).code())
                    .isEqualTo(KioskErrorCode.JOURNAL_INCONSISTENT);
            assertThat(journal.balance(id).printedFees()).isEqualTo(Yen.of(300));
        }
    }

    @Test
    void eventsCashAndLedgerAreAppendOnlyEvenForDirectSql() throws SQLException {
        try (Journal journal = open()) {
            TransactionId id = journal.begin();
            journal.recordCash(id, CashEventKind.INSERTED, Yen.of(1000));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"));
                Statement statement = raw.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE cash_event SET amount = 0"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM transaction_event"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void anUnfinishedTransactionIsStillThereAfterReopeningForRecovery() {
        TransactionId id;
        try (Journal journal = open()) {
            id = journal.begin();
            journal.transition(id, TransactionState.PRINTING, null);
            TransactionId done = journal.begin();
            journal.transition(done, TransactionState.DONE, null);
        }
        try (Journal journal = open()) {
            assertThat(journal.unfinished())
                    .extracting(JournaledTransaction::id)
                    .containsExactly(id);
            assertThat(journal.unfinished().get(0).state()).isEqualTo(TransactionState.PRINTING);
            assertThat(journal.begin().value()).as("numbering continues").isEqualTo("K0001-20261123-0003");
        }
    }

    @Test
    void theDatabaseRunsInWalModeWithFullSync() throws SQLException {
        open().close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"));
                Statement statement = raw.createStatement()) {
            var rs = statement.executeQuery("PRAGMA journal_mode");
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }
}
