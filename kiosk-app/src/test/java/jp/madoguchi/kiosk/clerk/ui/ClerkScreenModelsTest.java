package jp.madoguchi.kiosk.clerk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.madoguchi.kiosk.clerk.ClerkAccess;
import jp.madoguchi.kiosk.clerk.ClerkJournal;
import jp.madoguchi.kiosk.clerk.ClerkLogin;
import jp.madoguchi.kiosk.clerk.ClerkPinHash;
import jp.madoguchi.kiosk.clerk.ui.login.LoginViewModel;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clerk screens' models and texts, without the FX toolkit. */
class ClerkScreenModelsTest {
    @TempDir
    Path dir;

    @Test
    void japaneseAndEnglishHaveTheSameKeys() {
        ClerkText ja = ClerkText.of("ja");
        ClerkText en = ClerkText.of("en");
        assertThat(en.keys()).containsExactlyElementsOf(ja.keys());
        assertThat(ja.yen(Yen.of(1650))).isEqualTo("1,650円");
        assertThat(en.yen(Yen.of(1650))).isEqualTo("¥1,650");
        assertThat(ja.signedYen(-100)).isEqualTo("−100円");
        for (ClerkScreenId id : ClerkScreenId.values()) {
            assertThat(ja.text(id.labelKey())).isNotBlank();
        }
    }

    @Test
    void thePinPadShowsOnlyDotsAndTellsUntilWhenItIsLocked() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
        try (Journal journal = Journal.open(dir.resolve("journal.db"), "K0001", clock);
                ClerkJournal records = ClerkJournal.open(dir.resolve("journal.db"), clock)) {
            ClerkPinHash pin = ClerkPinHash.create("482910".toCharArray(), new SecureRandom());
            ClerkAccess access =
                    new ClerkAccess(Optional.of(new ClerkLogin(pin, clock, 2, Duration.ofMinutes(15))), records);
            LoginViewModel model = new LoginViewModel(access, clock);
            model.show(ClerkText.of("ja"));
            for (char c : "12345".toCharArray()) {
                model.digit(c);
            }
            assertThat(model.masked().get()).isEqualTo("●●●●●");
            assertThat(model.enterable().get()).as("five digits are too few").isFalse();
            model.digit('6');
            assertThat(model.enter()).isFalse();
            assertThat(model.typed()).as("the digits are gone once sent").isZero();
            assertThat(model.message().get()).contains("違います");
            "654321".chars().forEach(c -> model.digit((char) c));
            assertThat(model.enter()).isFalse();
            assertThat(model.locked().get()).isTrue();
            assertThat(model.message().get()).contains("12:15");
            model.digit('4');
            assertThat(model.typed()).as("a locked pad takes no digits").isZero();

            clock.advance(Duration.ofMinutes(15));
            model.show(ClerkText.of("en"));
            assertThat(model.locked().get()).isFalse();
            "482910".chars().forEach(c -> model.digit((char) c));
            assertThat(model.enter()).isTrue();
            assertThat(access.isOpen()).isTrue();
        }
    }
}
