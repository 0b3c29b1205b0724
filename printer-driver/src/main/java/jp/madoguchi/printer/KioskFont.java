package jp.madoguchi.printer;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Japanese typeface shipped with Madoguchi (Morisawa BIZ UDGothic, SIL Open Font License; see
 * {@code fonts/OFL.txt} beside the font files). Everything the kiosk draws — certificates, receipts,
 * the emulator's receipt images and the JavaFX screens — loads it from here, never from the
 * system, so nothing renders as empty boxes on a fresh machine.
 */
public enum KioskFont {
    /** BIZ UDGothic Regular. */
    REGULAR("BIZUDGothic-Regular.ttf"),
    /** BIZ UDGothic Bold. */
    BOLD("BIZUDGothic-Bold.ttf");

    /** Classpath folder of the font files and their licence. */
    public static final String RESOURCE_FOLDER = "/jp/madoguchi/printer/fonts/";

    private final String fileName;

    KioskFont(String fileName) {
        this.fileName = fileName;
    }

    /** The classpath resource path, e.g. for JavaFX {@code Font.loadFont(url, size)}. */
    public String resourcePath() {
        return RESOURCE_FOLDER + fileName;
    }

    /** The resource URL; fails loudly when the font is missing from the build. */
    public URL url() {
        URL url = KioskFont.class.getResource(resourcePath());
        if (url == null) {
            throw missing();
        }
        return url;
    }

    /** A fresh stream of the TrueType file; the caller closes it. */
    public InputStream openStream() {
        InputStream in = KioskFont.class.getResourceAsStream(resourcePath());
        if (in == null) {
            throw missing();
        }
        return in;
    }

    /**
     * Loads the font into a PDF document as a Type 0 font with subset embedding, so a PDF carries
     * only the glyphs it uses.
     */
    public PDType0Font loadInto(PDDocument document) {
        try (InputStream in = openStream()) {
            return PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + fileName + " into a PDF", e);
        }
    }

    /** A java.awt font of the given point size, for headless image rendering. */
    public Font awtFont(float size) {
        try (InputStream in = openStream()) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("could not load " + fileName + " as an AWT font", e);
        }
    }

    private IllegalStateException missing() {
        return new IllegalStateException("font resource " + resourcePath()
                + " is missing from the classpath; rebuild printer-driver (its resources hold the font)");
    }
}
