package jp.madoguchi.kiosk.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import jp.madoguchi.testing.MutableClock;
import org.junit.jupiter.api.Test;

class ClerkLoginTest {
    private static final ClerkPinHash PIN = ClerkPinHash.create("482910".toCharArray(), new SecureRandom());

    @Test
    void theStoredFormRoundTripsAndNeverContainsThePin() {
        String stored = PIN.encoded();
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("482910");
        ClerkPinHash parsed = ClerkPinHash.parse(stored);
        assertThat(parsed.matches("482910".toCharArray())).isTrue();
        assertThat(parsed.matches("482911".toCharArray())).isFalse();
        assertThat(ClerkPinHash.create("482910".toCharArray(), new SecureRandom())
                        .encoded())
                .as("salted: the same PIN hashes differently")
                .isNotEqualTo(stored);
        assertThatThrownBy(() -> ClerkPinHash.parse("482910")).hasMessageContaining("not a clerk PIN hash");
    }

    @Test
    void fiveWrongPinsLockClerkModeEvenAgainstTheRightPinUntilTheLockoutEnds() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
        ClerkLogin login = new ClerkLogin(PIN, clock, 5, Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            assertThat(login.attempt("000000".toCharArray())).isEqualTo(ClerkLogin.Result.WRONG_PIN);
        }
        assertThat(login.attempt("000000".toCharArray())).isEqualTo(ClerkLogin.Result.LOCKED_OUT);
        assertThat(login.attempt("482910".toCharArray())).isEqualTo(ClerkLogin.Result.LOCKED_OUT);
        clock.advance(Duration.ofMinutes(15));
        assertThat(login.attempt("482910".toCharArray())).isEqualTo(ClerkLogin.Result.ACCEPTED);
    }

    @Test
    void aCorrectPinResetsTheFailureCount() {
        ClerkLogin login =
                new ClerkLogin(PIN, new MutableClock(Instant.parse("2026-11-23T12:00:00Z")), 3, Duration.ofMinutes(15));
        login.attempt("1".toCharArray());
        login.attempt("2".toCharArray());
        assertThat(login.attempt("482910".toCharArray())).isEqualTo(ClerkLogin.Result.ACCEPTED);
        assertThat(login.attempt("3".toCharArray())).isEqualTo(ClerkLogin.Result.WRONG_PIN);
        assertThat(login.attempt("4".toCharArray())).isEqualTo(ClerkLogin.Result.WRONG_PIN);
    }

    @Test
    void theAttemptIsClearedAfterChecking() {
        char[] attempt = "482910".toCharArray();
        new ClerkLogin(PIN, new MutableClock(Instant.parse("2026-11-23T12:00:00Z")), 3, Duration.ofMinutes(1))
                .attempt(attempt);
        assertThat(attempt).containsOnly('\0');
    }
}
