package jp.madoguchi.kiosk.ui.pin;

import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.ui.ScreenContext;
import jp.madoguchi.kiosk.ui.ScreenModel;
import jp.madoguchi.kiosk.ui.UiText;

/**
 * The four-digit PIN pad. Digits live in one char array that is zeroed when the PIN is sent,
 * cleared, or the screen is left; the screen shows only how many digits were typed. Before the
 * last try the resident is warned that one more mistake locks the card.
 */
public final class PinViewModel implements ScreenModel {
    /** The user-authentication PIN has exactly four digits. */
    public static final int LENGTH = 4;

    private final ScreenContext context;
    private final char[] digits = new char[LENGTH];
    private int typed;
    private EngineSnapshot lastSnapshot;
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty();
    private final StringProperty masked = new SimpleStringProperty("○○○○");
    private final StringProperty warning = new SimpleStringProperty("");
    private final BooleanProperty warningShown = new SimpleBooleanProperty();
    private final BooleanProperty complete = new SimpleBooleanProperty();
    private final StringProperty clearLabel = new SimpleStringProperty();
    private final StringProperty backLabel = new SimpleStringProperty();
    private final StringProperty okLabel = new SimpleStringProperty();

    public PinViewModel(ScreenContext context) {
        this.context = context;
    }

    @Override
    public void show(UiText text) {
        EngineSnapshot s = context.journey().snapshot();
        if (s != lastSnapshot) {
            // a new card, or the engine answered the last PIN: start with an empty pad
            lastSnapshot = s;
            wipe();
        }
        title.set(text.text("pin.title"));
        int left = s.pinTriesLeft();
        String key = s.messageKey();
        message.set(
                switch (key) {
                    case "pin.wrong" -> text.text("pin.wrong", left);
                    case "pin.wrong.lastTry" -> text.text("pin.wrong", left);
                    case "pin.format" -> text.text("pin.format");
                    default -> text.text("pin.enter");
                });
        boolean lastTry = left == 1;
        warningShown.set(lastTry);
        warning.set(lastTry ? text.text("pin.lastTryWarning") : "");
        clearLabel.set(text.text("pin.clear"));
        backLabel.set(text.text("pin.back"));
        okLabel.set(text.text("pin.ok"));
        refreshMask();
    }

    /** A digit key. Ignored once four digits are typed. */
    public void digit(char d) {
        if (d < '0' || d > '9' || typed == LENGTH) {
            return;
        }
        digits[typed++] = d;
        refreshMask();
    }

    /** Removes the last digit. */
    public void back() {
        if (typed > 0) {
            digits[--typed] = '\0';
            refreshMask();
        }
    }

    /** Removes all digits. */
    public void clear() {
        wipe();
    }

    /** Sends exactly four digits to the engine and forgets them here. */
    public void submit() {
        if (typed != LENGTH) {
            return;
        }
        char[] pin = Arrays.copyOf(digits, LENGTH);
        wipe();
        context.intents().pinEntered(pin);
    }

    /** How many digits are typed (the digits themselves never leave this class except to the engine). */
    public int typed() {
        return typed;
    }

    private void wipe() {
        Arrays.fill(digits, '\0');
        typed = 0;
        refreshMask();
    }

    private void refreshMask() {
        masked.set("●".repeat(typed) + "○".repeat(LENGTH - typed));
        complete.set(typed == LENGTH);
    }

    public ReadOnlyStringProperty title() {
        return title;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    public ReadOnlyStringProperty masked() {
        return masked;
    }

    public ReadOnlyStringProperty warning() {
        return warning;
    }

    public ReadOnlyBooleanProperty warningShown() {
        return warningShown;
    }

    public ReadOnlyBooleanProperty complete() {
        return complete;
    }

    public ReadOnlyStringProperty clearLabel() {
        return clearLabel;
    }

    public ReadOnlyStringProperty backLabel() {
        return backLabel;
    }

    public ReadOnlyStringProperty okLabel() {
        return okLabel;
    }
}
