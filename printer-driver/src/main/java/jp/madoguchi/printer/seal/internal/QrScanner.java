package jp.madoguchi.printer.seal.internal;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Reads QR codes the way a phone would: from a rendered image of the page. */
public final class QrScanner {
    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

    private QrScanner() {}

    /** Renders a region of a page (with a margin around it) and decodes a QR code in it. */
    public static Optional<String> scan(PDDocument document, int pageIndex, PDRectangle region, float dpi)
            throws IOException {
        PDRectangle media = document.getPage(pageIndex).getMediaBox();
        float scale = dpi / 72f;
        float margin = 6 * 72f / 25.4f;
        int width = Math.round((region.getWidth() + 2 * margin) * scale);
        int height = Math.round((region.getHeight() + 2 * margin) * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            // Page point (x, y) lands on image pixel ((x - left) * scale, (top - y) * scale).
            float left = region.getLowerLeftX() - margin;
            float top = region.getUpperRightY() + margin;
            g.translate(-(left - media.getLowerLeftX()) * scale, -(media.getUpperRightY() - top) * scale);
            new PDFRenderer(document).renderPageToGraphics(pageIndex, g, scale);
        } finally {
            g.dispose();
        }
        return decode(image);
    }

    /** Decodes a QR code in an image. */
    public static Optional<String> decode(BufferedImage image) {
        try {
            LuminanceSource source = new BufferedImageLuminanceSource(image);
            return Optional.of(new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(source)), HINTS)
                    .getText());
        } catch (ReaderException | RuntimeException e) {
            // Not found, checksum or format errors: there is no readable code.
            return Optional.empty();
        }
    }

    /** Decodes a module matrix directly (8 pixels per module). */
    public static Optional<String> decodeModules(boolean[][] modules) {
        int px = 8;
        int size = modules.length * px;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setColor(Color.BLACK);
        for (int y = 0; y < modules.length; y++) {
            for (int x = 0; x < modules.length; x++) {
                if (modules[y][x]) {
                    g.fillRect(x * px, y * px, px, px);
                }
            }
        }
        g.dispose();
        return decode(image);
    }
}
