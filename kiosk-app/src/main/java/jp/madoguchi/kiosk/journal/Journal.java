package jp.madoguchi.kiosk.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.kiosk.KioskErrorCode;
import jp.madoguchi.kiosk.KioskException;
import jp.madoguchi.kiosk.money.FeeSplit;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.TransactionState;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The kiosk's journal and fee ledger in one SQLite file. Every write is its own committed
 * transaction in WAL mode with {@code synchronous=FULL}, so once a method returns the record
 * survives a power cut; callers journal a transition before carrying out its side effect.
 * Thread-safe: one connection, used under this object's lock.
 */
public final class Journal implements AutoCloseable {
    private final Connection connection;
    private final Clock clock;
    private final String kioskId;
    private volatile WriteObserver writeObserver = (id, record) -> {};

    /**
     * Told of every transaction record right after it is committed (and synced): the transaction
     * and what was written — a state name, {@code cash-<KIND>}, {@code center-session}, {@code
     * issuance}, {@code ordered-document}, {@code copy-printed} or {@code recovered}; ids only.
     * Runs on the writing thread while the journal is held, so it must return quickly; the crash
     * drill uses it to stop a process exactly between a record and its side effect.
     */
    @FunctionalInterface
    public interface WriteObserver {
        void written(TransactionId id, String record);
    }

    /** Sets the one observer of committed writes (replacing the previous one). */
    public void observeWrites(WriteObserver observer) {
        this.writeObserver = java.util.Objects.requireNonNull(observer, "observer");
    }

    private Journal(Connection connection, Clock clock, String kioskId) {
        this.connection = connection;
        this.clock = clock;
        this.kioskId = kioskId;
    }

    /** Opens (creating or migrating) the journal at {@code file} for kiosk {@code kioskId}. */
    public static Journal open(Path file, String kioskId, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5_000);
            SQLiteDataSource dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
            Flyway.configure(Journal.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/journal")
                    .load()
                    .migrate();
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            return new Journal(connection, clock, kioskId);
        } catch (java.io.IOException | SQLException | org.flywaydb.core.api.FlywayException e) {
            throw new KioskException(
                    KioskErrorCode.JOURNAL_UNAVAILABLE, "cannot open the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Starts a transaction (state CARD_PRESENT) and returns its new number. */
    public synchronized TransactionId begin() {
        Instant now = clock.instant();
        String day =
                LocalDate.ofInstant(now, ZoneId.of("Asia/Tokyo")).toString().replace("-", "");
        long next = queryLong("SELECT COUNT(*) FROM kiosk_transaction WHERE id LIKE ?", kioskId + "-" + day + "-%") + 1;
        TransactionId id = new TransactionId(String.format("%s-%s-%04d", kioskId, day, next));
        inTransaction(id, TransactionState.CARD_PRESENT.name(), () -> {
            update(
                    "INSERT INTO kiosk_transaction (id, kiosk_id, started_at, state) VALUES (?, ?, ?, ?)",
                    id.value(),
                    kioskId,
                    now.toEpochMilli(),
                    TransactionState.CARD_PRESENT.name());
            update(
                    "INSERT INTO transaction_event (transaction_id, at, state, code) VALUES (?, ?, ?, NULL)",
                    id.value(),
                    now.toEpochMilli(),
                    TransactionState.CARD_PRESENT.name());
        });
        return id;
    }

    /** Records a transition to {@code state}, with an optional error or reason code. */
    public synchronized void transition(TransactionId id, TransactionState state, String code) {
        Instant now = clock.instant();
        inTransaction(id, state.name(), () -> {
            int rows = update("UPDATE kiosk_transaction SET state = ? WHERE id = ?", state.name(), id.value());
            if (rows != 1) {
                throw new KioskException(KioskErrorCode.JOURNAL_INCONSISTENT, "no transaction " + id);
            }
            update(
                    "INSERT INTO transaction_event (transaction_id, at, state, code) VALUES (?, ?, ?, ?)",
                    id.value(),
                    now.toEpochMilli(),
                    state.name(),
                    code);
        });
    }

    /** Records the center references of a transaction (ids only). */
    public synchronized void recordCenterSession(TransactionId id, String municipalityCode, String centerSessionId) {
        inTransaction(
                id,
                "center-session",
                () -> update(
                        "UPDATE kiosk_transaction SET municipality_code = ?, center_session_id = ? WHERE id = ?",
                        municipalityCode,
                        centerSessionId,
                        id.value()));
    }

    /** Records the center's issuance id, before documents are printed. */
    public synchronized void recordIssuance(TransactionId id, String issuanceId) {
        inTransaction(
                id,
                "issuance",
                () -> update("UPDATE kiosk_transaction SET issuance_id = ? WHERE id = ?", issuanceId, id.value()));
    }

    /** Records an ordered document (type, copies, per-copy fee). */
    public synchronized void recordOrderedDocument(TransactionId id, OrderedDocument document) {
        inTransaction(
                id,
                "ordered-document",
                () -> update(
                        "INSERT INTO ordered_document (transaction_id, document_id, type, copies, per_copy_fee) VALUES (?, ?, ?, ?, ?)",
                        id.value(),
                        document.documentId(),
                        document.type(),
                        document.copies(),
                        document.perCopyFee().amount()));
    }

    /** Records a cash movement. */
    public synchronized void recordCash(TransactionId id, CashEventKind kind, Yen amount) {
        if (amount.isZero()) {
            return;
        }
        inTransaction(
                id,
                "cash-" + kind.name(),
                () -> update(
                        "INSERT INTO cash_event (transaction_id, at, kind, amount) VALUES (?, ?, ?, ?)",
                        id.value(),
                        clock.instant().toEpochMilli(),
                        kind.name(),
                        amount.amount()));
    }

    /**
     * Records that one copy came out of the printer: the fee is earned and split. A copy can be
     * recorded once only (the database refuses a second entry for the same copy).
     */
    public synchronized void recordCopyPrinted(
            TransactionId id, String documentId, int copyNumber, String municipalityCode, String type, FeeSplit split) {
        inTransaction(
                id,
                "copy-printed",
                () -> update(
                        "INSERT INTO ledger_entry (transaction_id, document_id, copy_number, municipality_code, type, fee,"
                                + " municipality_share, operator_share, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id.value(),
                        documentId,
                        copyNumber,
                        municipalityCode,
                        type,
                        split.fee().amount(),
                        split.municipalityShare().amount(),
                        split.operatorShare().amount(),
                        clock.instant().toEpochMilli()));
    }

    /** The transaction's row, if it exists. */
    public synchronized Optional<JournaledTransaction> find(TransactionId id) {
        List<JournaledTransaction> rows = transactions("WHERE id = ?", id.value());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Transactions that had not ended when the kiosk stopped: what start-up recovery works on. */
    public synchronized List<JournaledTransaction> unfinished() {
        return transactions("WHERE state NOT IN ('DONE', 'CANCELLED', 'FAILED') ORDER BY started_at, id");
    }

    /** Marks a transaction as handled by start-up recovery. */
    public synchronized void markRecovered(TransactionId id) {
        inTransaction(
                id,
                "recovered",
                () -> update(
                        "UPDATE kiosk_transaction SET recovered_at = ? WHERE id = ?",
                        clock.instant().toEpochMilli(),
                        id.value()));
    }

    /** The states a transaction went through, oldest first. */
    public synchronized List<TransactionState> history(TransactionId id) {
        List<TransactionState> states = new ArrayList<>();
        query(
                "SELECT state FROM transaction_event WHERE transaction_id = ? ORDER BY seq",
                rs -> states.add(TransactionState.valueOf(rs.getString(1))),
                id.value());
        return states;
    }

    /** The documents ordered in a transaction. */
    public synchronized List<OrderedDocument> orderedDocuments(TransactionId id) {
        List<OrderedDocument> documents = new ArrayList<>();
        query(
                "SELECT document_id, type, copies, per_copy_fee FROM ordered_document WHERE transaction_id = ? ORDER BY rowid",
                rs -> documents.add(
                        new OrderedDocument(rs.getString(1), rs.getString(2), rs.getInt(3), Yen.of(rs.getLong(4)))),
                id.value());
        return documents;
    }

    /** How many copies of a document were recorded as printed. */
    public synchronized int printedCopies(TransactionId id, String documentId) {
        return (int) queryLong(
                "SELECT COUNT(*) FROM ledger_entry WHERE transaction_id = ? AND document_id = ?",
                id.value(),
                documentId);
    }

    /** The transaction's money as journaled. */
    public synchronized MoneyBalance balance(TransactionId id) {
        return new MoneyBalance(
                cash(id, CashEventKind.INSERTED),
                Yen.of(queryLong(
                        "SELECT COALESCE(SUM(fee), 0) FROM ledger_entry WHERE transaction_id = ?", id.value())),
                cash(id, CashEventKind.CHANGE_PAID),
                cash(id, CashEventKind.REFUND_PAID),
                cash(id, CashEventKind.REFUND_VOUCHER));
    }

    /** Ledger entries (printed copies) from {@code from} (inclusive) to {@code to} (exclusive). */
    public synchronized List<LedgerEntry> ledgerEntries(Instant from, Instant to) {
        List<LedgerEntry> entries = new ArrayList<>();
        query(
                "SELECT transaction_id, document_id, copy_number, municipality_code, type, fee, municipality_share, operator_share, at"
                        + " FROM ledger_entry WHERE at >= ? AND at < ? ORDER BY seq",
                rs -> entries.add(new LedgerEntry(
                        new TransactionId(rs.getString(1)),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        new FeeSplit(Yen.of(rs.getLong(6)), Yen.of(rs.getLong(7)), Yen.of(rs.getLong(8))),
                        Instant.ofEpochMilli(rs.getLong(9)))),
                from.toEpochMilli(),
                to.toEpochMilli());
        return entries;
    }

    /** Cash movements of each kind from {@code from} (inclusive) to {@code to} (exclusive). */
    public synchronized java.util.Map<CashEventKind, Yen> cashTotals(Instant from, Instant to) {
        java.util.Map<CashEventKind, Yen> totals = new java.util.EnumMap<>(CashEventKind.class);
        for (CashEventKind kind : CashEventKind.values()) {
            totals.put(kind, Yen.ZERO);
        }
        query(
                "SELECT kind, SUM(amount) FROM cash_event WHERE at >= ? AND at < ? GROUP BY kind",
                rs -> totals.put(CashEventKind.valueOf(rs.getString(1)), Yen.of(rs.getLong(2))),
                from.toEpochMilli(),
                to.toEpochMilli());
        return totals;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new KioskException(
                    KioskErrorCode.JOURNAL_UNAVAILABLE, "cannot close the journal: " + e.getMessage(), e);
        }
    }

    private Yen cash(TransactionId id, CashEventKind kind) {
        return Yen.of(queryLong(
                "SELECT COALESCE(SUM(amount), 0) FROM cash_event WHERE transaction_id = ? AND kind = ?",
                id.value(),
                kind.name()));
    }

    private List<JournaledTransaction> transactions(String where, Object... args) {
        List<JournaledTransaction> rows = new ArrayList<>();
        query(
                "SELECT id, kiosk_id, started_at, state, municipality_code, center_session_id, issuance_id FROM kiosk_transaction "
                        + where,
                rs -> rows.add(new JournaledTransaction(
                        new TransactionId(rs.getString(1)),
                        rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        TransactionState.valueOf(rs.getString(4)),
                        Optional.ofNullable(rs.getString(5)),
                        Optional.ofNullable(rs.getString(6)),
                        Optional.ofNullable(rs.getString(7)))),
                args);
        return rows;
    }

    private interface Step {
        void run() throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** As {@link #inTransaction(Step)}, then tells the write observer what became durable. */
    private void inTransaction(TransactionId id, String record, Step step) {
        inTransaction(step);
        writeObserver.written(id, record);
    }

    private void inTransaction(Step step) {
        try {
            connection.setAutoCommit(false);
            try {
                step.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new KioskException(
                    KioskErrorCode.JOURNAL_INCONSISTENT, "journal write refused: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        }
    }

    private void query(String sql, RowReader reader, Object... args) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new KioskException(KioskErrorCode.JOURNAL_UNAVAILABLE, "journal read failed: " + e.getMessage(), e);
        }
    }

    private long queryLong(String sql, Object... args) {
        long[] result = {0};
        query(sql, rs -> result[0] = rs.getLong(1), args);
        return result[0];
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }
}
