package jp.madoguchi.printer.seal.internal;

import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Where things go on a sealed sheet, and the exact wrapper content stream of each side. The
 * verifier requires the wrapper byte for byte, so nothing can be drawn on a sealed page besides
 * the background, the certificate layer and the seal (front), or the scrambled image (back).
 */
public final class PageLayout {
    public static final String BACKGROUND = "MgBackground";
    public static final String CERTIFICATE = "MgCertificate";
    public static final String SEAL = "MgSeal";
    public static final String SCRAMBLED = "MgScrambled";

    /**
     * Resolution of the scrambled image of the front on the back. 72 dpi (one pixel per PDF point)
     * is plenty for a picture that only has to be recognisable once unscrambled, and halves the
     * pixels of 100 dpi: rendering and scrambling them was the largest cost of a kiosk transaction.
     */
    public static final float SCRAMBLE_DPI = 72f;

    /**
     * How the front is rendered for the back, by the kiosk and by the verifier alike (the two
     * renderings are compared): without edge smoothing, which doubled the time of the rendering
     * for a picture that is only recognised once unscrambled.
     */
    public static java.awt.RenderingHints scrambleRenderingHints() {
        return new java.awt.RenderingHints(java.util.Map.of(
                java.awt.RenderingHints.KEY_ANTIALIASING,
                java.awt.RenderingHints.VALUE_ANTIALIAS_OFF,
                java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_OFF,
                java.awt.RenderingHints.KEY_RENDERING,
                java.awt.RenderingHints.VALUE_RENDER_SPEED));
    }

    static final double MM = CopyEvidentBackground.MM;
    static final double SEAL_SIZE = 26 * MM;
    /** From the left edge: issuers put their municipal seal (公印) bottom right, so the QR code goes left. */
    static final double SEAL_LEFT = 12 * MM;

    static final double SEAL_BOTTOM = 12 * MM;

    /** A4 portrait, with a tolerance for rounding in the issuer's PDF writer. */
    static final float A4_WIDTH = 595.28f;

    static final float A4_HEIGHT = 841.89f;
    static final float A4_TOLERANCE = 3f;

    private PageLayout() {}

    /** True when the box is A4 portrait (certificates are). */
    public static boolean isA4Portrait(PDRectangle box) {
        return Math.abs(box.getWidth() - A4_WIDTH) <= A4_TOLERANCE
                && Math.abs(box.getHeight() - A4_HEIGHT) <= A4_TOLERANCE;
    }

    /** The square the seal QR code (quiet zone included) covers on the front, bottom left. */
    public static PDRectangle sealArea(PDRectangle mediaBox) {
        return new PDRectangle(
                (float) (mediaBox.getLowerLeftX() + SEAL_LEFT),
                (float) (mediaBox.getLowerLeftY() + SEAL_BOTTOM),
                (float) SEAL_SIZE,
                (float) SEAL_SIZE);
    }

    /** The front's wrapper: background, then the issuer's certificate layer, then the seal. */
    public static byte[] frontContent(PDRectangle mediaBox) {
        PDRectangle seal = sealArea(mediaBox);
        return new PdfOps()
                .raw("q /" + BACKGROUND + " Do Q")
                .raw("q /" + CERTIFICATE + " Do Q")
                .raw("q")
                .op("cm", seal.getWidth(), 0, 0, seal.getHeight(), seal.getLowerLeftX(), seal.getLowerLeftY())
                .raw("/" + SEAL + " Do Q")
                .toBytes();
    }

    /**
     * The back's wrapper: the scrambled image at its native size from the top left corner (tile
     * padding falls off the page), then the background over it.
     */
    public static byte[] backContent(PDRectangle mediaBox, int imageWidth, int imageHeight) {
        double w = imageWidth * 72.0 / SCRAMBLE_DPI;
        double h = imageHeight * 72.0 / SCRAMBLE_DPI;
        return new PdfOps()
                .raw("q")
                .op("cm", w, 0, 0, h, mediaBox.getLowerLeftX(), mediaBox.getUpperRightY() - h)
                .raw("/" + SCRAMBLED + " Do Q")
                .raw("q /" + BACKGROUND + " Do Q")
                .toBytes();
    }

    /** For messages: the wrapper as text. */
    public static String describe(byte[] content) {
        return new String(content, StandardCharsets.US_ASCII);
    }
}
