package jp.madoguchi.kiosk.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entering clerk mode: the PIN with its lockout, the maintenance key on GPIO, the audit trail. */
class ClerkAccessTest {
    private static final ClerkPinHash PIN = ClerkPinHash.create("482910".toCharArray(), new SecureRandom());

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
    Journal journal;
    ClerkJournal records;

    @BeforeEach
    void open() {
        journal = Journal.open(dir.resolve("journal.db"), "K0001", clock);
        records = ClerkJournal.open(dir.resolve("journal.db"), clock);
    }

    @AfterEach
    void close() {
        records.close();
        journal.close();
    }

    private List<ClerkEventKind> recorded() {
        return records.events(Instant.EPOCH, clock.instant().plusSeconds(1)).stream()
                .map(ClerkEvent::kind)
                .toList();
    }

    @Test
    void repeatedWrongPinsLockClerkModeAndEveryAttemptIsRecorded() {
        ClerkAccess access =
                new ClerkAccess(Optional.of(new ClerkLogin(PIN, clock, 3, Duration.ofMinutes(15))), records);
        char[] wrong = "111111".toCharArray();
        assertThat(access.enterPin(wrong)).isEqualTo(ClerkLogin.Result.WRONG_PIN);
        assertThat(wrong).as("the attempt is zeroed").containsOnly('\0');
        assertThat(access.enterPin("222222".toCharArray())).isEqualTo(ClerkLogin.Result.WRONG_PIN);
        assertThat(access.enterPin("333333".toCharArray())).isEqualTo(ClerkLogin.Result.LOCKED_OUT);
        assertThat(access.enterPin("482910".toCharArray()))
                .as("the right PIN during the lockout")
                .isEqualTo(ClerkLogin.Result.LOCKED_OUT);
        assertThat(access.isOpen()).isFalse();
        assertThat(access.lockedUntil()).isEqualTo(Instant.parse("2026-11-23T03:15:00Z"));

        clock.advance(Duration.ofMinutes(15));
        assertThat(access.enterPin("482910".toCharArray())).isEqualTo(ClerkLogin.Result.ACCEPTED);
        assertThat(access.isOpen()).isTrue();
        assertThat(access.openedBy()).isEqualTo(ClerkAccess.Entry.PIN);
        access.leave();
        assertThat(access.isOpen()).isFalse();
        assertThat(recorded())
                .containsExactly(
                        ClerkEventKind.CLERK_PIN_WRONG,
                        ClerkEventKind.CLERK_PIN_WRONG,
                        ClerkEventKind.CLERK_LOCKED_OUT,
                        ClerkEventKind.CLERK_LOCKED_OUT,
                        ClerkEventKind.CLERK_ENTERED,
                        ClerkEventKind.CLERK_LEFT);
    }

    @Test
    void withoutAPinOnlyTheKeyOpensClerkMode() {
        ClerkAccess access = new ClerkAccess(Optional.empty(), records);
        assertThat(access.pinConfigured()).isFalse();
        assertThatThrownBy(() -> access.enterPin("482910".toCharArray()))
                .isInstanceOf(ClerkActionRefused.class)
                .hasMessageContaining("kiosk clerk set-pin");
    }

    @Test
    void theMaintenanceKeyOnGpioOpensAndClosesClerkMode() {
        Context pi4j = Pi4J.newContextBuilder()
                .add(MockDigitalInputProvider.newInstance())
                .build();
        try {
            ClerkAccess access =
                    new ClerkAccess(Optional.of(new ClerkLogin(PIN, clock, 3, Duration.ofMinutes(15))), records);
            List<Boolean> heard = new CopyOnWriteArrayList<>();
            access.addListener(heard::add);
            MaintenanceKeySwitch key = new MaintenanceKeySwitch(pi4j, 5, access::keySwitch);
            MockDigitalInput line = pi4j.registry().get("maintenance-key-5", MockDigitalInput.class);
            line.mockState(DigitalState.HIGH); // pulled up: key off
            assertThat(key.isTurned()).isFalse();

            line.mockState(DigitalState.LOW); // key turned: the switch pulls the line to ground
            assertThat(key.isTurned()).isTrue();
            assertThat(access.openedBy()).isEqualTo(ClerkAccess.Entry.KEY_SWITCH);
            line.mockState(DigitalState.HIGH);
            assertThat(access.isOpen()).isFalse();
            assertThat(heard).containsExactly(true, false);

            // A PIN session is not ended by someone turning a key back that was never turned on.
            assertThat(access.enterPin("482910".toCharArray())).isEqualTo(ClerkLogin.Result.ACCEPTED);
            line.mockState(DigitalState.LOW);
            line.mockState(DigitalState.HIGH);
            assertThat(access.openedBy()).isEqualTo(ClerkAccess.Entry.PIN);
            key.close();
        } finally {
            pi4j.shutdown();
        }
    }

    @Test
    void thePinFileHoldsOnlyTheSaltedHashReadableByTheKioskUserOnly() throws Exception {
        ClerkPinFile file = new ClerkPinFile(dir);
        assertThat(file.read()).isEmpty();
        file.write(ClerkPinHash.create("482910".toCharArray(), new SecureRandom()));
        assertThat(Files.readString(file.path())).startsWith("pbkdf2-sha256$").doesNotContain("482910");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())))
                .isEqualTo("rw-------");
        assertThat(file.read().orElseThrow().matches("482910".toCharArray())).isTrue();
        Files.writeString(file.path(), "482910");
        assertThatThrownBy(file::read).hasMessageContaining("kiosk clerk set-pin");
    }
}
