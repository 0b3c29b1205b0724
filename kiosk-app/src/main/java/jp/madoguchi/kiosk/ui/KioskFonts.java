package jp.madoguchi.kiosk.ui;

import java.io.IOException;
import java.io.InputStream;
import javafx.scene.text.Font;
import jp.madoguchi.fonts.KioskTypeface;

/**
 * Loads the shipped Japanese typeface into JavaFX before any screen is built, so that a fresh
 * machine without Japanese fonts draws kanji instead of empty boxes. The stylesheets name its
 * family, {@value jp.madoguchi.fonts.KioskTypeface#FAMILY}.
 */
public final class KioskFonts {
    private KioskFonts() {}

    /** Loads the regular and bold faces; fails loudly if JavaFX cannot read them. */
    public static void load() {
        for (KioskTypeface face : KioskTypeface.values()) {
            try (InputStream in = face.open()) {
                Font font = Font.loadFont(in, 12);
                if (font == null) {
                    throw new IllegalStateException("JavaFX could not load the kiosk font " + face.resourcePath());
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not read the kiosk font " + face.resourcePath(), e);
            }
        }
    }
}
