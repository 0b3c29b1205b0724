package jp.madoguchi.kiosk.clerk.ui.login;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.kiosk.clerk.ClerkAccess;
import jp.madoguchi.kiosk.clerk.ClerkLogin;
import jp.madoguchi.kiosk.clerk.ui.ClerkScreenModel;
import jp.madoguchi.kiosk.clerk.ui.ClerkText;

/**
 * The clerk PIN pad. Digits live in one char array, zeroed when sent or cleared; the screen shows
 * only how many were typed. While clerk mode is locked the pad is disabled and says until when.
 */
public final class LoginViewModel extends ClerkScreenModel {
    /** Clerk PINs are 6 to 12 digits. */
    public static final int MAX = 12;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ClerkAccess access;
    private final Clock clock;
    private final char[] digits = new char[MAX];
    private int typed;
    private ClerkLogin.Result last;
    private final StringProperty masked = new SimpleStringProperty("");
    private final BooleanProperty locked = new SimpleBooleanProperty();
    private final BooleanProperty enterable = new SimpleBooleanProperty();

    public LoginViewModel(ClerkAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    protected void refresh(ClerkText text) {
        boolean isLocked = clock.instant().isBefore(access.lockedUntil());
        locked.set(isLocked);
        if (!access.pinConfigured()) {
            say("login.noPin");
        } else if (isLocked) {
            say(
                    "login.locked",
                    LocalTime.ofInstant(access.lockedUntil(), ZoneId.of("Asia/Tokyo"))
                            .format(HH_MM));
        } else if (last == ClerkLogin.Result.WRONG_PIN) {
            say("login.wrong");
        } else {
            say("login.enter");
        }
        mask();
    }

    public void digit(char d) {
        if (d < '0' || d > '9' || typed == MAX || locked.get()) {
            return;
        }
        digits[typed++] = d;
        mask();
    }

    public void clear() {
        Arrays.fill(digits, '\0');
        typed = 0;
        mask();
    }

    /** Sends the PIN (then forgets it here); true when clerk mode opened. */
    public boolean enter() {
        if (typed < 6 || !access.pinConfigured()) {
            return false;
        }
        char[] pin = Arrays.copyOf(digits, typed);
        clear();
        last = access.enterPin(pin);
        refresh(text());
        return last == ClerkLogin.Result.ACCEPTED;
    }

    public int typed() {
        return typed;
    }

    private void mask() {
        masked.set("●".repeat(typed));
        enterable.set(typed >= 6 && !locked.get() && access.pinConfigured());
    }

    public ReadOnlyStringProperty masked() {
        return masked;
    }

    public ReadOnlyBooleanProperty locked() {
        return locked;
    }

    public ReadOnlyBooleanProperty enterable() {
        return enterable;
    }
}
