package jp.madoguchi.kiosk.clerk.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the clerk's slow actions (asking devices, printing, writing to a stick) off the FX thread,
 * one at a time, and hands each result back on the FX thread, so the screen never freezes.
 */
public final class ClerkWork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClerkWork.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "clerk-ui-work");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code task} on the worker; {@code then} gets its result on the FX thread. */
    public <T> void run(Supplier<T> task, Consumer<T> then) {
        worker.execute(() -> {
            try {
                T result = task.get();
                Platform.runLater(() -> then.accept(result));
            } catch (RuntimeException e) {
                LOG.warn("clerk action failed: {}", e.toString());
            }
        });
    }

    /** Runs {@code task} on the worker, then {@code then} on the FX thread. */
    public void run(Runnable task, Runnable then) {
        run(
                () -> {
                    task.run();
                    return Boolean.TRUE;
                },
                ignored -> then.run());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
