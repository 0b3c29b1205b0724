package jp.madoguchi.sim.center.registry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the registry's write-ahead log into the database file on a thread of its own, through a
 * second connection, so that the registry's writer never waits for a disk flush.
 *
 * <p>With SQLite's automatic checkpoints, the commit that filled the log to 1000 pages ran the
 * checkpoint itself, including its {@code fsync} of the database file, and every request
 * waiting for the registry waited with it. The registry turns those off ({@code
 * wal_autocheckpoint=0}); this thread runs a PASSIVE checkpoint at a fixed period instead. A
 * passive checkpoint takes no lock that the writer needs, and once the whole log is copied the
 * writer starts the log again from its beginning, so the log stays small. Commits themselves
 * do not flush ({@code synchronous=NORMAL} in WAL mode): a power cut may lose the last
 * transactions, never corrupt the file.
 */
final class WalCheckpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);

    private final Connection connection;
    private final Thread thread;
    private final long periodMillis;
    private final AtomicLong checkpoints = new AtomicLong();
    private volatile boolean closed;

    private WalCheckpoints(Connection connection, Duration period, String threadName) {
        this.connection = connection;
        this.periodMillis = period.toMillis();
        this.thread = new Thread(this::serve, threadName);
        this.thread.setDaemon(true);
    }

    /** Opens the second connection to {@code file} and starts checkpointing every {@code period}. */
    static WalCheckpoints start(Path file, Duration period) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
        }
        WalCheckpoints checkpoints = new WalCheckpoints(connection, period, "center-registry-checkpoint");
        checkpoints.thread.start();
        return checkpoints;
    }

    /** Checkpoints that ran (for tests and diagnostics). */
    long completed() {
        return checkpoints.get();
    }

    private void serve() {
        while (!closed) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                break; // close()
            }
            checkpoint("PASSIVE");
        }
    }

    private void checkpoint(String mode) {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            checkpoints.incrementAndGet();
        } catch (SQLException e) {
            // The next period tries again; the log only grows meanwhile.
            LOG.warn("registry checkpoint failed: {}", e.getMessage());
        }
    }

    /** Stops the thread, copies what is left of the log, and closes the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.interrupt();
        Database.awaitEnd(thread);
        try {
            checkpoint("TRUNCATE");
            connection.close();
        } catch (SQLException e) {
            LOG.warn("cannot close the registry's checkpoint connection: {}", e.getMessage());
        }
    }
}
