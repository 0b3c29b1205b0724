package jp.madoguchi.kiosk.clerk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.kiosk.KioskErrorCode;
import jp.madoguchi.kiosk.KioskException;
import jp.madoguchi.kiosk.journal.CashEventKind;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.TransactionState;
import org.sqlite.SQLiteConfig;

/**
 * The clerk's side of the journal file: the append-only clerk records (table {@code clerk_event},
 * migration V7) and typed read-only views of the journal that clerk mode needs (look-up, coin box,
 * log export). It opens its own connection to the file the {@link jp.madoguchi.kiosk.journal.Journal}
 * has already created and migrated; SQLite in WAL mode serialises the two writers. Every value it
 * hands out is an id, a state, a code, a count or an amount.
 */
public final class ClerkJournal implements AutoCloseable {
    private final Connection connection;
    private final Clock clock;

    private ClerkJournal(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * Opens the clerk records in {@code journalFile}, which {@code Journal.open} must have created.
     *
     * @throws KioskException JOURNAL_UNAVAILABLE when the file is missing or not migrated
     */
    public static ClerkJournal open(Path journalFile, Clock clock) {
        if (!Files.isRegularFile(journalFile)) {
            throw new KioskException(
                    KioskErrorCode.JOURNAL_UNAVAILABLE,
                    "no journal at " + journalFile + ": open the kiosk's journal (kiosk.dataDir) first");
        }
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5_000);
            Connection connection =
                    DriverManager.getConnection("jdbc:sqlite:" + journalFile.toAbsolutePath(), config.toProperties());
            ClerkJournal journal = new ClerkJournal(connection, clock);
            if (journal.queryLong("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'clerk_event'")
                    == 0) {
                connection.close();
                throw new KioskException(
                        KioskErrorCode.JOURNAL_UNAVAILABLE,
                        journalFile + " has no clerk records: open it with Journal.open first (it migrates the file)");
            }
            return journal;
        } catch (SQLException e) {
            throw new KioskException(
                    KioskErrorCode.JOURNAL_UNAVAILABLE, "cannot open " + journalFile + ": " + e.getMessage(), e);
        }
    }

    /** Appends one clerk record, committed before this returns. */
    public synchronized ClerkEvent record(
            ClerkEventKind kind,
            Optional<TransactionId> transactionId,
            Yen amount,
            Yen expectedAmount,
            int count,
            Optional<Code> code) {
        Instant now = clock.instant();
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO clerk_event (at, kind, transaction_id, amount, expected_amount, count, code)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, now.toEpochMilli());
            s.setString(2, kind.name());
            s.setString(3, transactionId.map(TransactionId::value).orElse(null));
            s.setLong(4, amount.amount());
            s.setLong(5, expectedAmount.amount());
            s.setInt(6, count);
            s.setString(7, code.map(Code::value).orElse(null));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new KioskException(KioskErrorCode.JOURNAL_INCONSISTENT, "clerk record refused: " + e.getMessage(), e);
        }
        long seq = queryLong("SELECT MAX(seq) FROM clerk_event");
        return new ClerkEvent(seq, now, kind, transactionId, amount, expectedAmount, count, code);
    }

    /** Shorthand for a record with a code only. */
    public ClerkEvent record(ClerkEventKind kind, Code code) {
        return record(kind, Optional.empty(), Yen.ZERO, Yen.ZERO, 0, Optional.of(code));
    }

    /** Clerk records from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public synchronized List<ClerkEvent> events(Instant from, Instant to) {
        return clerkEvents("WHERE at >= ? AND at < ? ORDER BY seq", from.toEpochMilli(), to.toEpochMilli());
    }

    /** Clerk records that concern one transaction, oldest first. */
    public synchronized List<ClerkEvent> eventsFor(TransactionId id) {
        return clerkEvents("WHERE transaction_id = ? ORDER BY seq", id.value());
    }

    /** The latest record of {@code kind}, if any. */
    public synchronized Optional<ClerkEvent> latest(ClerkEventKind kind) {
        List<ClerkEvent> rows = clerkEvents("WHERE kind = ? ORDER BY seq DESC LIMIT 1", kind.name());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Money of one cash kind journaled from {@code from} (inclusive) to {@code to} (exclusive). */
    public synchronized Yen cash(CashEventKind kind, Instant from, Instant to) {
        return Yen.of(queryLong(
                "SELECT COALESCE(SUM(amount), 0) FROM cash_event WHERE kind = ? AND at >= ? AND at < ?",
                kind.name(),
                from.toEpochMilli(),
                to.toEpochMilli()));
    }

    /** True if the journal knows transaction {@code id}. */
    public synchronized boolean exists(TransactionId id) {
        return queryLong("SELECT COUNT(*) FROM kiosk_transaction WHERE id = ?", id.value()) > 0;
    }

    /**
     * Transactions started from {@code from} (inclusive) to {@code to} (exclusive), with their
     * counts and money summed from the journal.
     */
    public synchronized List<TransactionSummary> transactions(Instant from, Instant to) {
        List<TransactionSummary> rows = new ArrayList<>();
        query(
                "SELECT t.id, t.started_at, t.state, t.municipality_code,"
                        + " (SELECT COALESCE(SUM(copies), 0) FROM ordered_document d WHERE d.transaction_id = t.id),"
                        + " (SELECT COUNT(*) FROM ledger_entry l WHERE l.transaction_id = t.id),"
                        + " (SELECT COALESCE(SUM(fee), 0) FROM ledger_entry l WHERE l.transaction_id = t.id),"
                        + cashColumn(CashEventKind.INSERTED) + ", " + cashColumn(CashEventKind.CHANGE_PAID) + ", "
                        + cashColumn(CashEventKind.REFUND_PAID) + ", " + cashColumn(CashEventKind.REFUND_VOUCHER) + ","
                        + " (SELECT code FROM transaction_event e WHERE e.transaction_id = t.id AND e.code IS NOT NULL"
                        + "  ORDER BY e.seq DESC LIMIT 1)"
                        + " FROM kiosk_transaction t WHERE t.started_at >= ? AND t.started_at < ? ORDER BY t.started_at, t.id",
                rs -> rows.add(new TransactionSummary(
                        new TransactionId(rs.getString(1)),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        TransactionState.valueOf(rs.getString(3)),
                        MunicipalityCode.ofNullable(rs.getString(4)),
                        rs.getInt(5),
                        rs.getInt(6),
                        Yen.of(rs.getLong(7)),
                        Yen.of(rs.getLong(8)),
                        Yen.of(rs.getLong(9)),
                        Yen.of(rs.getLong(10)),
                        Yen.of(rs.getLong(11)),
                        Code.ofNullable(rs.getString(12)))),
                from.toEpochMilli(),
                to.toEpochMilli());
        return rows;
    }

    /** One transaction's summary, if the journal knows it. */
    public synchronized Optional<TransactionSummary> transaction(TransactionId id) {
        Optional<Instant> started = startedAt(id);
        if (started.isEmpty()) {
            return Optional.empty();
        }
        return transactions(started.get(), started.get().plusMillis(1)).stream()
                .filter(t -> t.id().equals(id))
                .findFirst();
    }

    /** State changes of transactions from {@code from} (inclusive) to {@code to} (exclusive). */
    public synchronized List<StateChange> stateChanges(Instant from, Instant to) {
        List<StateChange> rows = new ArrayList<>();
        query(
                "SELECT transaction_id, at, state, code FROM transaction_event WHERE at >= ? AND at < ? ORDER BY seq",
                rs -> rows.add(new StateChange(
                        new TransactionId(rs.getString(1)),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        TransactionState.valueOf(rs.getString(3)),
                        Code.ofNullable(rs.getString(4)))),
                from.toEpochMilli(),
                to.toEpochMilli());
        return rows;
    }

    /** One transaction's state changes, oldest first. */
    public synchronized List<StateChange> stateChanges(TransactionId id) {
        List<StateChange> rows = new ArrayList<>();
        query(
                "SELECT transaction_id, at, state, code FROM transaction_event WHERE transaction_id = ? ORDER BY seq",
                rs -> rows.add(new StateChange(
                        new TransactionId(rs.getString(1)),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        TransactionState.valueOf(rs.getString(3)),
                        Code.ofNullable(rs.getString(4)))),
                id.value());
        return rows;
    }

    /** The time of the journal's first record (for "everything" exports), or now when empty. */
    public synchronized Instant firstRecord() {
        long first = queryLong("SELECT COALESCE(MIN(started_at), 0) FROM kiosk_transaction");
        long clerkFirst = queryLong("SELECT COALESCE(MIN(at), 0) FROM clerk_event");
        long min = first == 0 ? clerkFirst : clerkFirst == 0 ? first : Math.min(first, clerkFirst);
        return min == 0 ? clock.instant() : Instant.ofEpochMilli(min);
    }

    /** The clock clerk records are stamped with. */
    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new KioskException(
                    KioskErrorCode.JOURNAL_UNAVAILABLE, "cannot close the clerk records: " + e.getMessage(), e);
        }
    }

    private Optional<Instant> startedAt(TransactionId id) {
        long[] at = {-1};
        query("SELECT started_at FROM kiosk_transaction WHERE id = ?", rs -> at[0] = rs.getLong(1), id.value());
        return at[0] < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at[0]));
    }

    private static String cashColumn(CashEventKind kind) {
        return " (SELECT COALESCE(SUM(amount), 0) FROM cash_event c WHERE c.transaction_id = t.id AND c.kind = '"
                + kind.name() + "')";
    }

    private List<ClerkEvent> clerkEvents(String where, Object... args) {
        List<ClerkEvent> rows = new ArrayList<>();
        query(
                "SELECT seq, at, kind, transaction_id, amount, expected_amount, count, code FROM clerk_event " + where,
                rs -> rows.add(new ClerkEvent(
                        rs.getLong(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        ClerkEventKind.valueOf(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4)).map(TransactionId::new),
                        Yen.of(rs.getLong(5)),
                        Yen.of(rs.getLong(6)),
                        rs.getInt(7),
                        Code.ofNullable(rs.getString(8)))),
                args);
        return rows;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... args) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new KioskException(
                    KioskErrorCode.JOURNAL_UNAVAILABLE, "clerk records read failed: " + e.getMessage(), e);
        }
    }

    private long queryLong(String sql, Object... args) {
        long[] result = {0};
        query(sql, rs -> result[0] = rs.getLong(1), args);
        return result[0];
    }
}
