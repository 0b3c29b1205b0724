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
 * signs ⚠ and ✕ come from Noto Sans Symbols 2 the same way. BIZ UDGothic has no hangul and
 * lacks many simplified hanzi, so Chinese and Korean screens use {@value #CHINESE_FAMILY} and
 * {@value #KOREAN_FAMILY}: subsets of Noto Sans CJK (SIL OFL) holding the characters of those
 * screens' bundles, cut by {@code fonts/tools/subset-cjk.py}.
 */
public final class KioskFonts {
    /** The family of the shipped Latin face with full Vietnamese coverage. */
    public static final String LATIN_FAMILY = "Noto Sans";

    /** The family of the shipped Simplified Chinese face (the Chinese screens' texts only). */
    public static final String CHINESE_FAMILY = "Noto Sans CJK SC";

    /** The family of the shipped Korean face (the Korean screens' texts only). */
    public static final String KOREAN_FAMILY = "Noto Sans CJK KR";

    /**
     * Loaded after the Japanese faces; JavaFX takes from them what BIZ UDGothic lacks: Vietnamese
     * letters and the signs ⚠ and ✕ that mark warnings and unavailable items (Noto Sans Symbols 2).
     */
    private static final List<String> FALLBACK_FACES = List.of(
            "fonts/NotoSans-Regular.ttf",
            "fonts/NotoSans-Bold.ttf",
            "fonts/NotoSansSymbols2-Regular.ttf",
            "fonts/NotoSansCJKSC-UI-Regular.otf",
            "fonts/NotoSansCJKSC-UI-Bold.otf",
            "fonts/NotoSansCJKKR-UI-Regular.otf",
            "fonts/NotoSansCJKKR-UI-Bold.otf");

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
