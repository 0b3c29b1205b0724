package jp.madoguchi.fonts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The faces of the shipped Japanese typeface, read from the classpath. */
public enum KioskTypeface {
    REGULAR("BIZUDGothic-Regular.ttf"),
    BOLD("BIZUDGothic-Bold.ttf");

    /** Family name as the font files declare it (for JavaFX CSS and AWT). */
    public static final String FAMILY = "BIZ UDGothic";

    private final String fileName;

    KioskTypeface(String fileName) {
        this.fileName = fileName;
    }

    /** Classpath resource path of this face, e.g. for {@code javafx.scene.text.Font.loadFont}. */
    public String resourcePath() {
        return "/jp/madoguchi/fonts/" + fileName;
    }

    /** Opens the TrueType file; the caller closes the stream. Fails loudly if it is missing. */
    public InputStream open() {
        InputStream in = KioskTypeface.class.getResourceAsStream(resourcePath());
        if (in == null) {
            throw new IllegalStateException("The kiosk font " + resourcePath()
                    + " is missing from the classpath: rebuild with `mvn -B package` (module fonts).");
        }
        return in;
    }

    /**
     * The index of the first character this face cannot draw, or empty if it draws all of
     * {@code text}. BIZ UDGothic covers JIS X 0213 but not every rare kanji (e.g. 𠮷 U+20BB7), so
     * certificate and receipt renderers check before printing a name.
     */
    public java.util.OptionalInt firstMissingGlyph(String text) {
        int index = awtFont().canDisplayUpTo(text);
        return index < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(index);
    }

    private java.awt.Font awtFont() {
        java.awt.Font font = awtFont;
        if (font == null) {
            try (InputStream in = open()) {
                font = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
            } catch (IOException | java.awt.FontFormatException e) {
                throw new IllegalStateException("the kiosk font " + resourcePath() + " is unreadable", e);
            }
            awtFont = font;
        }
        return font;
    }

    private volatile java.awt.Font awtFont;

    /** The whole TrueType file. */
    public byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the kiosk font " + resourcePath(), e);
        }
    }
}
