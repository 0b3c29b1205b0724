package jp.madoguchi.kiosk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javafx.scene.text.Font;
import jp.madoguchi.fonts.KioskTypeface;

/**
 * Loads the shipped typefaces into JavaFX before any screen is built, so that a fresh machine
 * without Japanese or Vietnamese fonts draws every letter instead of empty boxes. The stylesheets
 * name the Japanese family, {@value jp.madoguchi.fonts.KioskTypeface#FAMILY}; BIZ UDGothic lacks
 * most Vietnamese letters (ơ, ư, ạ, ế ...), so Vietnamese screens use {@value #LATIN_FAMILY} (SIL
 * OFL, shipped beside this class under {@code fonts/}), and JavaFX draws the kanji in them (names,
 * municipalities) with BIZ UDGothic, as it falls back to loaded fonts for missing glyphs. The
 * signs ⚠ and ✕ come from Noto Sans Symbols 2 the same way. (Simplified Chinese and Korean text
 * still relies on the machine's fonts: neither face covers hanzi simplifications or hangul.)
 */
public final class KioskFonts {
    /** The family of the shipped Latin face with full Vietnamese coverage. */
    public static final String LATIN_FAMILY = "Noto Sans";

    /**
     * Loaded after the Japanese faces; JavaFX takes from them what BIZ UDGothic lacks: Vietnamese
     * letters and the signs ⚠ and ✕ that mark warnings and unavailable items (Noto Sans Symbols 2).
     */
    private static final List<String> FALLBACK_FACES =
            List.of("fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf", "fonts/NotoSansSymbols2-Regular.ttf");

    private KioskFonts() {}

    /** Loads the regular and bold faces of both typefaces; fails loudly if JavaFX cannot read them. */
    public static void load() {
        for (KioskTypeface face : KioskTypeface.values()) {
            try (InputStream in = face.open()) {
                require(Font.loadFont(in, 12), face.resourcePath());
            } catch (IOException e) {
                throw new IllegalStateException("could not read the kiosk font " + face.resourcePath(), e);
            }
        }
        for (String face : FALLBACK_FACES) {
            try (InputStream in = UiResources.require(KioskFonts.class, face).openStream()) {
                require(Font.loadFont(in, 12), face);
            } catch (IOException e) {
                throw new IllegalStateException("could not read the kiosk font " + face, e);
            }
        }
    }

    private static void require(Font font, String path) {
        if (font == null) {
            throw new IllegalStateException("JavaFX could not load the kiosk font " + path);
        }
    }
}
