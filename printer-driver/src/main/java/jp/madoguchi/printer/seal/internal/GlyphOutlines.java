package jp.madoguchi.printer.seal.internal;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import jp.madoguchi.fonts.KioskTypeface;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Glyph outlines of the shipped font as vector paths. The background's latent words and fine
 * warning text are drawn as paths, not text, so they need no embedded font, cannot be copied as
 * text, and regenerate identically for verification.
 */
public final class GlyphOutlines implements AutoCloseable {
    private final TrueTypeFont font;
    private final CmapLookup cmap;
    private final float unitsPerEm;
    private final Map<Integer, GeneralPath> paths = new HashMap<>();

    public GlyphOutlines(KioskTypeface face) {
        try (InputStream in = face.open()) {
            this.font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            this.cmap = font.getUnicodeCmapLookup();
            this.unitsPerEm = font.getUnitsPerEm();
        } catch (IOException e) {
            throw new IllegalStateException("the shipped font cannot be parsed: " + face, e);
        }
    }

    /** The glyph id of a code point; 0 (.notdef) when the font lacks it. */
    public int glyphId(int codePoint) {
        return cmap.getGlyphId(codePoint);
    }

    /** The outline of a glyph in em units (1.0 = the font size), y up. */
    public synchronized GeneralPath outline(int glyphId) {
        return paths.computeIfAbsent(glyphId, gid -> {
            try {
                GlyphData glyph = font.getGlyph().getGlyph(gid);
                GeneralPath path = glyph == null ? new GeneralPath() : glyph.getPath();
                GeneralPath scaled = new GeneralPath(path);
                scaled.transform(AffineTransform.getScaleInstance(1 / unitsPerEm, 1 / unitsPerEm));
                return scaled;
            } catch (IOException e) {
                throw new IllegalStateException("glyph " + gid + " cannot be read", e);
            }
        });
    }

    /** The advance width of a glyph in em units. */
    public synchronized float advance(int glyphId) {
        try {
            return font.getAdvanceWidth(glyphId) / unitsPerEm;
        } catch (IOException e) {
            throw new IllegalStateException("glyph " + glyphId + " metrics cannot be read", e);
        }
    }

    @Override
    public void close() {
        try {
            font.close();
        } catch (IOException e) {
            // Nothing to release beyond memory; ignore.
        }
    }
}
