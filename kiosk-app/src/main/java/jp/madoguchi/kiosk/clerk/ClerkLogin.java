package jp.madoguchi.kiosk.clerk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks clerk PINs with a lockout: after {@code maxFailures} wrong PINs in a row, clerk mode is
 * locked for {@code lockout}, whatever is typed (so a PIN cannot be guessed at the counter).
 */
public final class ClerkLogin {
    /** What an attempt gave. */
    public enum Result {
        ACCEPTED,
        WRONG_PIN,
        LOCKED_OUT
    }

    private final ClerkPinHash pin;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    public ClerkLogin(ClerkPinHash pin, Clock clock, int maxFailures, Duration lockout) {
        this.pin = pin;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** Checks {@code attempt} and clears it. */
    public synchronized Result attempt(char[] attempt) {
        try {
            Instant now = clock.instant();
            if (now.isBefore(lockedUntil)) {
                return Result.LOCKED_OUT;
            }
            if (pin.matches(attempt)) {
                failures = 0;
                return Result.ACCEPTED;
            }
            failures++;
            if (failures >= maxFailures) {
                failures = 0;
                lockedUntil = now.plus(lockout);
                return Result.LOCKED_OUT;
            }
            return Result.WRONG_PIN;
        } finally {
            java.util.Arrays.fill(attempt, '\0');
        }
    }

    /** Until when clerk mode is locked (in the past when it is not). */
    public synchronized Instant lockedUntil() {
        return lockedUntil;
    }
}
