package jp.madoguchi.card.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One daemon thread that runs reader calls under a time limit. javax.smartcardio calls block in
 * native code with no timeout of their own (a mute card blocks SCardTransmit indefinitely), so the
 * caller waits on a future instead and gives up when the limit passes; the stuck thread is a
 * daemon and ends whenever the provider lets go of it.
 */
final class IoWorker implements AutoCloseable {
    private final ExecutorService executor;

    IoWorker(String threadName) {
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code call} on the worker thread and waits at most {@code limit}.
     *
     * @throws TimeoutException when the limit passed (the call may still be running)
     * @throws InterruptedException when the waiting thread was interrupted
     * @throws Exception whatever {@code call} threw
     */
    <T> T call(Callable<T> call, Duration limit) throws Exception {
        Future<T> future = executor.submit(call);
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /**
     * Queues {@code task} behind whatever the worker is doing. A task queued while a call is stuck
     * runs once that call returns: PC/SC calls on one context must not overlap, so cleanup after a
     * timeout has to wait its turn rather than run beside the stuck call.
     */
    Future<?> submit(Runnable task) {
        return executor.submit(task);
    }

    /** Lets queued tasks finish, then ends the thread; returns at once. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
