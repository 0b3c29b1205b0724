package jp.madoguchi.kiosk.ui;

import java.time.Duration;

/**
 * The idle timeout of screens that wait for the resident: after {@code warning} untouched the
 * countdown dialog shows the seconds left; after {@code countdown} more, {@code expired} runs
 * once (the window ends the transaction and wipes it). Any touch starts again. Toolkit-free: the
 * window calls {@link #tick} a few times a second with {@link System#nanoTime()}.
 */
public final class IdleWatch {
    private final Duration warning;
    private final Duration countdown;
    private final ShellViewModel shell;
    private final Runnable expired;
    private boolean armed;
    private long lastTouch;

    public IdleWatch(Duration warning, Duration countdown, ShellViewModel shell, Runnable expired) {
        this.warning = warning;
        this.countdown = countdown;
        this.shell = shell;
        this.expired = expired;
    }

    /** Starts watching (a screen that waits for the resident is on) or stops (any other screen). */
    public void arm(boolean on, long now) {
        armed = on;
        lastTouch = now;
        shell.countdownVisible().set(false);
    }

    /** The resident touched the screen. */
    public void touched(long now) {
        lastTouch = now;
        shell.countdownVisible().set(false);
    }

    public boolean armed() {
        return armed;
    }

    /** Updates the countdown; runs {@code expired} once when the time is up. */
    public void tick(long now) {
        if (!armed) {
            return;
        }
        long idle = now - lastTouch;
        long end = warning.toNanos() + countdown.toNanos();
        if (idle >= end) {
            armed = false;
            shell.countdownVisible().set(false);
            expired.run();
        } else if (idle >= warning.toNanos()) {
            long left = end - idle;
            shell.countdownSecondsProperty().set((int) ((left + 999_999_999L) / 1_000_000_000L));
            shell.countdownVisible().set(true);
        }
    }
}
