package jp.madoguchi.kiosk.clerk.ui;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import jp.madoguchi.kiosk.clerk.ClerkAccess;

/**
 * The clerk window's frame: which screen is shown, the language, and leaving. While clerk mode is
 * closed only the PIN screen can be shown; opening it (PIN or maintenance key) shows the devices.
 */
public final class ClerkShellViewModel extends ClerkScreenModel {
    private final ClerkAccess access;
    private final List<ClerkScreenId> screens;
    private final ObjectProperty<ClerkScreenId> current = new SimpleObjectProperty<>(ClerkScreenId.LOGIN);
    private final ObjectProperty<ClerkText> language = new SimpleObjectProperty<>(ClerkText.of("ja"));

    /** {@code screens}: the screens this kiosk offers besides LOGIN (COUNTER only at a counter). */
    public ClerkShellViewModel(ClerkAccess access, List<ClerkScreenId> screens) {
        this.access = access;
        this.screens = List.copyOf(screens);
        if (access.isOpen()) {
            current.set(ClerkScreenId.DASHBOARD);
        }
    }

    @Override
    protected void refresh(ClerkText t) {
        // labels only
    }

    /** Clerk mode opened or closed (from {@link ClerkAccess}'s listener, on the FX thread). */
    public void accessChanged(boolean open) {
        current.set(open ? ClerkScreenId.DASHBOARD : ClerkScreenId.LOGIN);
    }

    /** Shows {@code screen}; refused (stays on the PIN screen) while clerk mode is closed. */
    public void go(ClerkScreenId screen) {
        if (!access.isOpen() || !screens.contains(screen)) {
            return;
        }
        current.set(screen);
    }

    /** Switches between Japanese and English. */
    public void toggleLanguage() {
        ClerkText next = ClerkText.of(language.get().language().equals("ja") ? "en" : "ja");
        language.set(next);
        show(next);
    }

    /** Leaves clerk mode: back to the PIN screen. */
    public void leave() {
        access.leave();
        current.set(ClerkScreenId.LOGIN);
    }

    public ReadOnlyObjectProperty<ClerkScreenId> current() {
        return current;
    }

    public ReadOnlyObjectProperty<ClerkText> language() {
        return language;
    }

    public List<ClerkScreenId> screens() {
        return screens;
    }

    public boolean isOpen() {
        return access.isOpen();
    }
}
