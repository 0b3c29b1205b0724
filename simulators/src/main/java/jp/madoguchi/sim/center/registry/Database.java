package jp.madoguchi.sim.center.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The registry's SQLite connection and the one thread that uses it. Callers hand in {@link Work}
 * and wait for its answer; the thread takes everything waiting (up to {@link #MOST_PER_COMMIT}),
 * runs each piece under its own savepoint inside one transaction, commits once, and only then
 * answers (group commit). A piece that fails is rolled back to its savepoint alone and its caller
 * gets the failure; the others still commit. When the commit itself fails, every caller of the
 * batch gets that failure and nothing of the batch is kept.
 */
final class Database {
    static final int MOST_PER_COMMIT = 256;

    /** Work on the connection; runs on the database thread only. */
    interface Work<T> {
        T run() throws SQLException;
    }

    private record Task<T>(Work<T> work, String failure, CompletableFuture<T> answer) {
        void fail(String because, Throwable cause) {
            answer.completeExceptionally(new RegistryException(failure + ": " + because, cause));
        }
    }

    private static final Task<Void> STOP = new Task<>(() -> null, "", new CompletableFuture<>());

    private final Connection db;
    private final Map<String, PreparedStatement> statements;
    private final BlockingQueue<Task<?>> waiting = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final String name;
    private volatile boolean closed;

    Database(Connection db, String threadName, Map<String, PreparedStatement> statements, String name) {
        this.db = db;
        this.statements = statements;
        this.name = name;
        this.thread = new Thread(this::serve, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Runs {@code work} on the database thread in a committed transaction and returns its answer.
     *
     * @throws RegistryException {@code failure} and the cause, when the work or its commit failed
     *     or the registry is closed
     */
    <T> T run(String failure, Work<T> work) {
        Task<T> task = new Task<>(work, failure, new CompletableFuture<>());
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("registry work must not wait for other registry work");
        }
        waiting.add(task);
        if (closed && waiting.remove(task)) {
            throw new RegistryException(failure + ": the registry " + name + " is closed", null);
        }
        try {
            return task.answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new RegistryException(failure + ": " + e.getCause(), e.getCause());
        }
    }

    /** Answers the work already handed in, then closes the connection. Idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (thread.isAlive()) {
            waiting.add(STOP);
            awaitEnd(thread);
        } else {
            closeConnection();
        }
    }

    /**
     * Waits until {@code thread} has ended, also when interrupted meanwhile (the interrupt is kept
     * for the caller): a registry thread always finishes what it has started.
     */
    static void awaitEnd(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        List<Task<?>> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                // Only close() ends this thread: the callers waiting must get their answers.
                continue;
            }
            waiting.drainTo(batch, MOST_PER_COMMIT - 1);
            stop = batch.remove(STOP);
            try {
                if (!batch.isEmpty()) {
                    runBatch(batch);
                }
            } catch (Throwable t) { // an Error in some work: its batch fails, the thread goes on
                rollbackAll();
                for (Task<?> task : batch) {
                    task.fail(String.valueOf(t), t);
                }
            }
            batch.clear();
        }
        // Work handed in after STOP (a race with close()) is refused, never left waiting.
        for (Task<?> late; (late = waiting.poll()) != null; ) {
            if (late != STOP) {
                late.fail("the registry " + name + " is closed", null);
            }
        }
        closeConnection();
    }

    private void runBatch(List<Task<?>> batch) {
        List<Runnable> answers = new ArrayList<>(batch.size());
        try {
            db.setAutoCommit(false);
            for (Task<?> task : batch) {
                answers.add(runOne(task));
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackAll();
            for (Task<?> task : batch) {
                task.fail(String.valueOf(e.getMessage()), e);
            }
            return;
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException e) {
                // The next batch sets it again; a broken connection fails that batch instead.
            }
        }
        answers.forEach(Runnable::run);
    }

    /** Runs one task under a savepoint; returns how to answer it once the batch is committed. */
    private <T> Runnable runOne(Task<T> task) throws SQLException {
        Savepoint savepoint = db.setSavepoint();
        try {
            T answer = task.work.run();
            db.releaseSavepoint(savepoint);
            return () -> task.answer.complete(answer);
        } catch (SQLException | RuntimeException e) {
            db.rollback(savepoint);
            db.releaseSavepoint(savepoint);
            clearBatches();
            if (e instanceof RuntimeException r) {
                return () -> task.answer.completeExceptionally(r);
            }
            return () -> task.fail(String.valueOf(e.getMessage()), e);
        }
    }

    private void rollbackAll() {
        try {
            db.rollback();
        } catch (SQLException e) {
            // Nothing was committed; the connection reports its state at the next batch.
        }
        clearBatches();
    }

    /** A reused statement must not carry a half-built batch into its next use. */
    private void clearBatches() {
        for (PreparedStatement p : statements.values()) {
            try {
                p.clearBatch();
            } catch (SQLException e) {
                // A statement that cannot be cleared fails loudly at its next use.
            }
        }
    }

    private void closeConnection() {
        try {
            for (PreparedStatement p : statements.values()) {
                p.close();
            }
            statements.clear();
            db.close();
        } catch (SQLException e) {
            throw new RegistryException("cannot close the registry: " + e.getMessage(), e);
        }
    }
}
