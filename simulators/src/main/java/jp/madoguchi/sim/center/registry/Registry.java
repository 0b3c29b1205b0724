package jp.madoguchi.sim.center.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.madoguchi.center.protocol.Protocol;
import jp.madoguchi.sim.resident.ForeignResidence;
import jp.madoguchi.sim.resident.Resident;
import jp.madoguchi.sim.resident.ResidentCatalogue;
import jp.madoguchi.sim.resident.ResidentFlag;

/**
 * The center's registry in SQLite ({@code <data>/center/registry.db}, WAL): municipalities and
 * their service configuration, residents (seeded from the catalogue on first start), issued
 * documents with their status, and an audit log of ids, codes and counts only.
 *
 * <p>One connection, used only by the registry's own thread ({@link Database}): request threads
 * hand it their work and wait for the answer. The thread runs whatever is waiting in one SQLite
 * transaction, each piece of work under its own savepoint, and answers after the commit (group
 * commit). A request thread therefore never holds a lock while SQLite works: with a lock, a
 * holder preempted on a busy 2-core machine made every other request thread wait (JFR: a third
 * of the center's request threads' time blocked on the registry under the benchmark). The
 * write-ahead log is copied into the file by {@link WalCheckpoints}, so no commit waits for a
 * disk flush.
 */
public final class Registry implements AutoCloseable {
    private final Connection db;
    private final Database database;
    /** How often the log is copied into the database file (a PASSIVE checkpoint). */
    static final java.time.Duration CHECKPOINT_PERIOD = java.time.Duration.ofMillis(500);

    private volatile WalCheckpoints checkpoints;
    private final ObjectMapper json = Protocol.newObjectMapper();
    private final Map<String, Resident> residents = new ConcurrentHashMap<>();
    private final Map<String, List<Resident>> households = new ConcurrentHashMap<>();
    private final Map<String, MunicipalityService> services = new ConcurrentHashMap<>();
    private final Set<String> forcedMaintenance = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong documentSequence =
            new java.util.concurrent.atomic.AtomicLong();
    /** Prepared statements by SQL; touched only on the database thread (or before it starts). */
    private final Map<String, PreparedStatement> statements = new java.util.HashMap<>();

    private Registry(Connection db, Path file) {
        this.db = db;
        this.database = new Database(
                db, "center-registry", statements, file.getFileName().toString());
    }

    /** Opens the registry file, creating and seeding it on first start (only then is the catalogue built). */
    public static Registry open(
            Path file, java.util.function.Supplier<ResidentCatalogue> catalogue, List<MunicipalityService> defaults) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
            Registry registry = new Registry(db, file);
            try {
                registry.migrate();
                registry.seed(catalogue, defaults);
                registry.loadCaches();
            } catch (SQLException | IOException | RuntimeException e) {
                db.close();
                throw e;
            }
            registry.database.start();
            try {
                registry.checkpoints = WalCheckpoints.start(file, CHECKPOINT_PERIOD);
            } catch (SQLException e) {
                registry.database.close();
                throw e;
            }
            return registry;
        } catch (SQLException | IOException e) {
            throw new RegistryException(
                    "cannot open the center registry " + file + ": " + e.getMessage()
                            + " (delete the file to start afresh)",
                    e);
        }
    }

    private void migrate() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=5000");
            // Checkpoints run on a thread of their own (WalCheckpoints), never in a commit.
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("CREATE TABLE IF NOT EXISTS municipality (code TEXT PRIMARY KEY, name TEXT NOT NULL,"
                    + " service_json TEXT NOT NULL, forced_maintenance INTEGER NOT NULL DEFAULT 0)");
            s.execute("CREATE TABLE IF NOT EXISTS resident (resident_id TEXT PRIMARY KEY, household_id TEXT NOT NULL,"
                    + " name TEXT NOT NULL, name_kana TEXT NOT NULL, birth_date TEXT NOT NULL, sex TEXT NOT NULL,"
                    + " my_number TEXT NOT NULL, municipality_code TEXT NOT NULL, postal_code TEXT NOT NULL,"
                    + " address TEXT NOT NULL, relation_to_head TEXT NOT NULL, resident_since TEXT NOT NULL,"
                    + " honseki TEXT, honseki_municipality_code TEXT, koseki_head TEXT,"
                    + " koseki_usage_registered INTEGER NOT NULL, seal_registered INTEGER NOT NULL,"
                    + " tax_data_available INTEGER NOT NULL, annual_income_yen INTEGER NOT NULL,"
                    + " nationality TEXT, residence_card_number TEXT, residence_status TEXT, residence_period_end TEXT,"
                    + " flags TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS resident_household ON resident(household_id)");
            s.execute("CREATE TABLE IF NOT EXISTS issuance (issuance_id TEXT PRIMARY KEY, session_id TEXT NOT NULL,"
                    + " kiosk_id TEXT NOT NULL, idempotency_key TEXT NOT NULL, created_at TEXT NOT NULL,"
                    + " UNIQUE(session_id, idempotency_key))");
            s.execute(
                    "CREATE TABLE IF NOT EXISTS document (document_id TEXT PRIMARY KEY, document_number TEXT NOT NULL,"
                            + " issuance_id TEXT NOT NULL, session_id TEXT NOT NULL, item_index INTEGER NOT NULL,"
                            + " type TEXT NOT NULL, municipality_code TEXT NOT NULL, copies INTEGER NOT NULL,"
                            + " fee_yen_per_copy INTEGER NOT NULL, content_sha256 TEXT NOT NULL, status TEXT NOT NULL,"
                            + " updated_at TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS document_issuance ON document(issuance_id)");
            s.execute("CREATE INDEX IF NOT EXISTS document_session ON document(session_id, status)");
            s.execute("CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,"
                    + " event TEXT NOT NULL, kiosk_id TEXT, session_id TEXT, issuance_id TEXT, code TEXT,"
                    + " count INTEGER)");
        }
    }

    private void seed(java.util.function.Supplier<ResidentCatalogue> catalogue, List<MunicipalityService> defaults)
            throws SQLException, IOException {
        db.setAutoCommit(false);
        try {
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT OR IGNORE INTO municipality (code, name, service_json) VALUES (?, ?, ?)")) {
                for (MunicipalityService m : defaults) {
                    p.setString(1, m.code());
                    p.setString(2, m.municipality().name());
                    p.setString(3, json.writeValueAsString(m));
                    p.addBatch();
                }
                p.executeBatch();
            }
            boolean empty;
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM resident")) {
                empty = rs.next() && rs.getLong(1) == 0;
            }
            if (empty) {
                try (PreparedStatement p = db.prepareStatement(
                        "INSERT INTO resident VALUES" + " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    for (Resident r : catalogue.get().all()) {
                        bind(p, r);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            db.commit();
        } catch (SQLException | IOException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static void bind(PreparedStatement p, Resident r) throws SQLException {
        int i = 1;
        p.setString(i++, r.residentId());
        p.setString(i++, r.householdId());
        p.setString(i++, r.name());
        p.setString(i++, r.nameKana());
        p.setString(i++, r.birthDate().toString());
        p.setString(i++, r.sex());
        p.setString(i++, r.myNumber());
        p.setString(i++, r.municipalityCode());
        p.setString(i++, r.postalCode());
        p.setString(i++, r.address());
        p.setString(i++, r.relationToHead());
        p.setString(i++, r.residentSince().toString());
        p.setString(i++, r.honseki());
        p.setString(i++, r.honsekiMunicipalityCode());
        p.setString(i++, r.kosekiHead());
        p.setInt(i++, r.kosekiUsageRegistered() ? 1 : 0);
        p.setInt(i++, r.sealRegistered() ? 1 : 0);
        p.setInt(i++, r.taxDataAvailable() ? 1 : 0);
        p.setLong(i++, r.annualIncomeYen());
        ForeignResidence f = r.foreignResidence();
        p.setString(i++, f == null ? null : f.nationality());
        p.setString(i++, f == null ? null : f.residenceCardNumber());
        p.setString(i++, f == null ? null : f.residenceStatus());
        p.setString(
                i++, f == null || f.periodEnd() == null ? null : f.periodEnd().toString());
        p.setString(
                i++,
                String.join(",", r.flags().stream().map(Enum::name).sorted().toList()));
    }

    private static Resident read(ResultSet rs) throws SQLException {
        String nationality = rs.getString("nationality");
        ForeignResidence foreign = nationality == null
                ? null
                : new ForeignResidence(
                        nationality,
                        rs.getString("residence_card_number"),
                        rs.getString("residence_status"),
                        rs.getString("residence_period_end") == null
                                ? null
                                : LocalDate.parse(rs.getString("residence_period_end")));
        Set<ResidentFlag> flags = EnumSet.noneOf(ResidentFlag.class);
        for (String f : rs.getString("flags").split(",")) {
            if (!f.isEmpty()) {
                flags.add(ResidentFlag.valueOf(f));
            }
        }
        return new Resident(
                rs.getString("resident_id"),
                rs.getString("household_id"),
                rs.getString("name"),
                rs.getString("name_kana"),
                LocalDate.parse(rs.getString("birth_date")),
                rs.getString("sex"),
                rs.getString("my_number"),
                rs.getString("municipality_code"),
                rs.getString("postal_code"),
                rs.getString("address"),
                rs.getString("relation_to_head"),
                LocalDate.parse(rs.getString("resident_since")),
                rs.getString("honseki"),
                rs.getString("honseki_municipality_code"),
                rs.getString("koseki_head"),
                rs.getInt("koseki_usage_registered") == 1,
                rs.getInt("seal_registered") == 1,
                rs.getInt("tax_data_available") == 1,
                rs.getLong("annual_income_yen"),
                foreign,
                flags);
    }

    /** Residents and municipalities change only through the admin API, so they are read once. */
    private void loadCaches() throws SQLException, IOException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM resident ORDER BY resident_id")) {
            Map<String, List<Resident>> byHousehold = new ConcurrentHashMap<>();
            while (rs.next()) {
                Resident r = read(rs);
                residents.put(r.residentId(), r);
                byHousehold
                        .computeIfAbsent(r.householdId(), h -> new ArrayList<>())
                        .add(r);
            }
            byHousehold.forEach((h, list) -> households.put(h, List.copyOf(list)));
        }
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT code, service_json, forced_maintenance FROM municipality")) {
            while (rs.next()) {
                services.put(rs.getString(1), json.readValue(rs.getString(2), MunicipalityService.class));
                if (rs.getInt(3) == 1) {
                    forcedMaintenance.add(rs.getString(1));
                }
            }
        }
        try (Statement s = db.createStatement();
                // The highest number given to a kept document (numbers are "MMMMM-nnnnnnnn"): a count
                // would hand out again a number whose issuance failed after others were kept.
                ResultSet rs = s.executeQuery(
                        "SELECT COALESCE(MAX(CAST(substr(document_number, 7) AS INTEGER)), 0) FROM document")) {
            documentSequence.set(rs.next() ? rs.getLong(1) : 0);
        }
    }

    public Optional<Resident> resident(String residentId) {
        return Optional.ofNullable(residents.get(residentId));
    }

    /** The members of a household in registry order (head first). */
    public List<Resident> household(String householdId) {
        return households.getOrDefault(householdId, List.of());
    }

    public Optional<MunicipalityService> municipality(String code) {
        return Optional.ofNullable(services.get(code));
    }

    public List<MunicipalityService> municipalities() {
        return List.copyOf(services.values());
    }

    public boolean forcedMaintenance(String code) {
        return forcedMaintenance.contains(code);
    }

    /** Starts or ends an unscheduled maintenance of a municipality (admin API). */
    public void setForcedMaintenance(String code, boolean on) {
        if (!services.containsKey(code)) {
            throw new IllegalArgumentException("no municipality with code " + code);
        }
        database.run("registry update failed", () -> {
            PreparedStatement p = prepared("UPDATE municipality SET forced_maintenance = ? WHERE code = ?");
            p.setInt(1, on ? 1 : 0);
            p.setString(2, code);
            p.executeUpdate();
            return null;
        });
        if (on) {
            forcedMaintenance.add(code);
        } else {
            forcedMaintenance.remove(code);
        }
    }

    /** The next document number of this center, e.g. {@code 99201-00000042}. */
    public String nextDocumentNumber(String municipalityCode) {
        return String.format("%s-%08d", municipalityCode.substring(0, 5), documentSequence.incrementAndGet());
    }

    /** Records an issuance and its documents as {@link DocumentStatus#PENDING}, with an audit entry. */
    public void recordIssuance(
            String issuanceId,
            String sessionId,
            String kioskId,
            String idempotencyKey,
            Instant at,
            List<DocumentRecord> documents) {
        database.run("registry transaction failed", () -> {
            PreparedStatement issuance = prepared("INSERT INTO issuance VALUES (?,?,?,?,?)");
            issuance.setString(1, issuanceId);
            issuance.setString(2, sessionId);
            issuance.setString(3, kioskId);
            issuance.setString(4, idempotencyKey);
            issuance.setString(5, at.toString());
            issuance.executeUpdate();
            PreparedStatement p = prepared("INSERT INTO document VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
            for (DocumentRecord d : documents) {
                p.setString(1, d.documentId());
                p.setString(2, d.documentNumber());
                p.setString(3, issuanceId);
                p.setString(4, sessionId);
                p.setInt(5, d.itemIndex());
                p.setString(6, d.type().name());
                p.setString(7, d.municipalityCode());
                p.setInt(8, d.copies());
                p.setInt(9, d.feeYenPerCopy());
                p.setString(10, d.contentSha256());
                p.setString(11, DocumentStatus.PENDING.name());
                p.setString(12, at.toString());
                p.addBatch();
            }
            p.executeBatch();
            insertAudit(at, "ISSUED_TO_KIOSK", kioskId, sessionId, issuanceId, null, documents.size());
            return null;
        });
    }

    /** The session an issuance belongs to, if the issuance exists. */
    public Optional<String> sessionOfIssuance(String issuanceId) {
        return queryString("SELECT session_id FROM issuance WHERE issuance_id = ?", issuanceId);
    }

    /**
     * Applies a kiosk's outcome: pending documents listed as printed become ISSUED, every other
     * pending document of the issuance is VOIDED. Documents already final keep their status
     * (a repeated report changes nothing). Returns the final status of each document.
     */
    public Map<String, DocumentStatus> applyOutcome(
            String issuanceId, Set<String> printed, Instant at, String kioskId, String sessionId) {
        return database.run("registry transaction failed", () -> {
            Map<String, DocumentStatus> result = new java.util.LinkedHashMap<>();
            Map<String, DocumentStatus> current = statusesOf("issuance_id", issuanceId);
            int issued = 0;
            int voided = 0;
            PreparedStatement p = prepared(
                    "UPDATE document SET status = ?, updated_at = ? WHERE document_id = ? AND status = 'PENDING'");
            for (var e : current.entrySet()) {
                DocumentStatus status = e.getValue();
                if (status == DocumentStatus.PENDING) {
                    status = printed.contains(e.getKey()) ? DocumentStatus.ISSUED : DocumentStatus.VOIDED;
                    p.setString(1, status.name());
                    p.setString(2, at.toString());
                    p.setString(3, e.getKey());
                    p.addBatch();
                    if (status == DocumentStatus.ISSUED) {
                        issued++;
                    } else {
                        voided++;
                    }
                }
                result.put(e.getKey(), status);
            }
            p.executeBatch();
            if (issued > 0) {
                insertAudit(at, "PRINTED", kioskId, sessionId, issuanceId, null, issued);
            }
            if (voided > 0) {
                insertAudit(at, "VOIDED", kioskId, sessionId, issuanceId, null, voided);
            }
            return result;
        });
    }

    /** Voids every pending document of a session (closed, expired or abandoned). */
    public int voidPending(String sessionId, Instant at, String kioskId, String event) {
        return database.run("registry transaction failed", () -> {
            PreparedStatement p = prepared("UPDATE document SET status = 'VOIDED', updated_at = ?"
                    + " WHERE session_id = ? AND status = 'PENDING'");
            p.setString(1, at.toString());
            p.setString(2, sessionId);
            int count = p.executeUpdate();
            insertAudit(at, event, kioskId, sessionId, null, null, count);
            return count;
        });
    }

    /** Appends an audit entry (ids, an event, a code and a count; never personal data). */
    public void audit(Instant at, String event, String kioskId, String sessionId, String issuanceId, String code) {
        database.run("registry audit failed", () -> {
            insertAudit(at, event, kioskId, sessionId, issuanceId, code, null);
            return null;
        });
    }

    public Optional<DocumentStatus> documentStatus(String documentId) {
        return queryString("SELECT status FROM document WHERE document_id = ?", documentId)
                .map(DocumentStatus::valueOf);
    }

    /** How many documents are in each status. */
    public Map<DocumentStatus, Long> documentCounts() {
        return database.run("cannot count documents", () -> {
            Map<DocumentStatus, Long> counts = new EnumMap<>(DocumentStatus.class);
            for (DocumentStatus s : DocumentStatus.values()) {
                counts.put(s, 0L);
            }
            try (ResultSet rs = prepared("SELECT status, COUNT(*) FROM document GROUP BY status")
                    .executeQuery()) {
                while (rs.next()) {
                    counts.put(DocumentStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** The ids of documents in {@code status}. */
    public Set<String> documentsIn(DocumentStatus status) {
        return database.run("cannot list documents", () -> {
            Set<String> ids = new HashSet<>();
            PreparedStatement p = prepared("SELECT document_id FROM document WHERE status = ?");
            p.setString(1, status.name());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** The audit log, oldest first, as text lines (for tests and the admin API). */
    public List<String> auditLog(int limit) {
        return database.run("cannot read the audit log", () -> {
            List<String> lines = new ArrayList<>();
            PreparedStatement p = prepared(
                    "SELECT at, event, kiosk_id, session_id, issuance_id, code, count FROM audit ORDER BY id DESC LIMIT ?");
            p.setInt(1, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    lines.add(
                            0,
                            String.join(
                                    "\t",
                                    nz(rs.getString(1)),
                                    nz(rs.getString(2)),
                                    nz(rs.getString(3)),
                                    nz(rs.getString(4)),
                                    nz(rs.getString(5)),
                                    nz(rs.getString(6)),
                                    nz(rs.getString(7))));
                }
            }
            return lines;
        });
    }

    /** Checkpoints of the write-ahead log completed so far (tests). */
    long checkpointsCompleted() {
        WalCheckpoints c = checkpoints;
        return c == null ? 0 : c.completed();
    }

    /** Finishes the work already handed in, then closes the database; later calls fail. Idempotent. */
    @Override
    public void close() {
        database.close();
        if (checkpoints != null) {
            checkpoints.close();
        }
    }

    private Map<String, DocumentStatus> statusesOf(String column, String value) throws SQLException {
        Map<String, DocumentStatus> statuses = new java.util.LinkedHashMap<>();
        {
            PreparedStatement p =
                    prepared("SELECT document_id, status FROM document WHERE " + column + " = ? ORDER BY item_index");
            p.setString(1, value);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), DocumentStatus.valueOf(rs.getString(2)));
                }
            }
        }
        return statuses;
    }

    private void insertAudit(
            Instant at, String event, String kioskId, String sessionId, String issuanceId, String code, Integer count)
            throws SQLException {
        PreparedStatement p = prepared(
                "INSERT INTO audit (at, event, kiosk_id, session_id, issuance_id, code, count) VALUES (?,?,?,?,?,?,?)");
        p.setString(1, at.toString());
        p.setString(2, event);
        p.setString(3, kioskId);
        p.setString(4, sessionId);
        p.setString(5, issuanceId);
        p.setString(6, code);
        if (count == null) {
            p.setNull(7, java.sql.Types.INTEGER);
        } else {
            p.setInt(7, count);
        }
        p.executeUpdate();
    }

    private Optional<String> queryString(String sql, String arg) {
        return database.run("registry query failed", () -> {
            PreparedStatement p = prepared(sql);
            p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /**
     * The connection's prepared statement for {@code sql}, made once and reused: only the database
     * thread calls this, and every caller sets every parameter before each use.
     */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null) {
            p = db.prepareStatement(sql);
            statements.put(sql, p);
        }
        return p;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
