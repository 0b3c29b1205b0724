package jp.madoguchi.kiosk.ui;

import java.net.URL;

/** Finds a screen's resources (CSS, sounds) next to its class; a missing one fails loudly. */
public final class UiResources {
    private UiResources() {}

    /** The resource {@code name} in {@code owner}'s package, e.g. {@code require(PinView.class, "pin.css")}. */
    public static URL require(Class<?> owner, String name) {
        URL url = owner.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing resource "
                    + owner.getPackageName().replace('.', '/') + "/" + name
                    + ": it belongs in kiosk-app/src/main/resources at the same path as " + owner.getSimpleName());
        }
        return url;
    }
}
