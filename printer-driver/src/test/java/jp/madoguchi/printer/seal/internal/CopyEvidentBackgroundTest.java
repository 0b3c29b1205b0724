package jp.madoguchi.printer.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jp.madoguchi.fonts.KioskTypeface;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prints the background at 600 dpi and runs it through a simple model of a photocopier (the
 * scanner averages over 0.25 mm, the toner only sticks where the average is darker than 25%):
 * on the original every 12 pt cell carries ink at an even tone, on the copy only the latent words
 * survive.
 */
class CopyEvidentBackgroundTest {
    static final double DPI = 600;
    /** 12 pt: exactly 10 fine and 5 coarse dot pitches, so every whole cell holds the same ink. */
    static final int CELL = (int) Math.round(12 * DPI / 72);

    static GlyphOutlines glyphs;

    @BeforeAll
    static void loadFont() {
        glyphs = new GlyphOutlines(KioskTypeface.REGULAR);
    }

    @AfterAll
    static void closeFont() {
        glyphs.close();
    }

    @Test
    void photocopyKeepsOnlyTheLatentWordsWhileTheOriginalIsEven() throws IOException {
        BufferedImage original = renderCentre(70);

        double[][] tone = cellDarkness(original);
        int inked = 0;
        double min = 1;
        double max = 0;
        for (double[] row : tone) {
            for (double t : row) {
                if (t > 0.01) {
                    inked++;
                }
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
        }
        int cells = tone.length * tone[0].length;
        assertThat(inked)
                .as("every 12 pt cell of the original carries the tint")
                .isEqualTo(cells);
        assertThat(max - min).as("the two screens have the same tone").isLessThan(0.03);

        BufferedImage copy = photocopy(original);
        double[][] copied = cellDarkness(copy);
        int survived = 0;
        for (double[] row : copied) {
            for (double t : row) {
                if (t > 0.002) {
                    survived++;
                }
            }
        }
        double share = survived / (double) cells;
        assertThat(share)
                .as("on the copy the latent words appear, not the whole tint")
                .isBetween(0.05, 0.6);
    }

    @Test
    void backgroundIsTheSameBytesEveryTime() throws IOException {
        try (PDDocument a = new PDDocument();
                PDDocument b = new PDDocument()) {
            CopyEvidentBackground one = new CopyEvidentBackground(glyphs);
            CopyEvidentBackground two = new CopyEvidentBackground(glyphs);
            assertThat(CosCanonicalDigest.of(one.create(a, PDRectangle.A4).getCOSObject()))
                    .isEqualTo(
                            CosCanonicalDigest.of(two.create(b, PDRectangle.A4).getCOSObject()));
        }
    }

    /**
     * Renders a square of {@code mm} millimetres around the page centre at 600 dpi, in gray: a page
     * of that size shows the A4 background shifted so its centre is in view.
     */
    private static BufferedImage renderCentre(int mm) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDRectangle a4 = PDRectangle.A4;
            float side = mm * 72f / 25.4f;
            PDPage page = new PDPage(new PDRectangle(side, side));
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Bg"), new CopyEvidentBackground(glyphs).create(document, a4));
            page.setResources(resources);
            String shift = PdfOps.num(-(a4.getWidth() - side) / 2) + " " + PdfOps.num(-(a4.getHeight() - side) / 2);
            page.setContents(new PDStream(
                    document,
                    new ByteArrayInputStream(
                            ("q 1 0 0 1 " + shift + " cm /Bg Do Q\n").getBytes(StandardCharsets.US_ASCII))));
            document.addPage(page);
            return new PDFRenderer(document).renderImageWithDPI(0, (float) DPI, ImageType.GRAY);
        }
    }

    /** Box blur over 0.25 mm, then toner only where the blurred darkness exceeds 25%. */
    private static BufferedImage photocopy(BufferedImage original) {
        int radius = 3;
        int w = original.getWidth();
        int h = original.getHeight();
        double[] dark = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                dark[y * w + x] = 1 - original.getRaster().getSample(x, y, 0) / 255.0;
            }
        }
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = radius; y < h - radius; y++) {
            for (int x = radius; x < w - radius; x++) {
                double sum = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    for (int dx = -radius; dx <= radius; dx++) {
                        sum += dark[(y + dy) * w + x + dx];
                    }
                }
                double mean = sum / ((2 * radius + 1) * (2 * radius + 1));
                copy.getRaster().setSample(x, y, 0, mean > 0.25 ? 0 : 255);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y < radius || y >= h - radius || x < radius || x >= w - radius) {
                    copy.getRaster().setSample(x, y, 0, 255);
                }
            }
        }
        return copy;
    }

    /** Mean darkness of each 1 mm cell. */
    private static double[][] cellDarkness(BufferedImage image) {
        int cols = image.getWidth() / CELL;
        int rows = image.getHeight() / CELL;
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double sum = 0;
                for (int y = 0; y < CELL; y++) {
                    for (int x = 0; x < CELL; x++) {
                        sum += 1 - image.getRaster().getSample(c * CELL + x, r * CELL + y, 0) / 255.0;
                    }
                }
                out[r][c] = sum / (CELL * CELL);
            }
        }
        return out;
    }
}
