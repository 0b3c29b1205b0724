package jp.madoguchi.printer.seal.internal;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Reads QR codes the way a phone would: from a rendered image of the page. */
public final class QrScanner {
    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

    private QrScanner() {}

    /**
     * Renders a region of a page (with a margin around it) and decodes a QR code in it. The region
     * is drawn on a scratch page of its own size — the page's content shifted — because PDFBox
     * paints tiling patterns wrongly when asked to render into a translated graphics context.
     */
    public static Optional<String> scan(PDPage page, PDRectangle region, float dpi) throws IOException {
        float margin = 6 * 72f / 25.4f;
        float left = region.getLowerLeftX() - margin;
        float bottom = region.getLowerLeftY() - margin;
        byte[] content;
        try (InputStream in = page.getContents()) {
            content = in.readAllBytes();
        }
        byte[] shift = ("q 1 0 0 1 " + PdfOps.num(-left) + " " + PdfOps.num(-bottom) + " cm\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] end = "\nQ\n".getBytes(StandardCharsets.US_ASCII);
        byte[] shifted = new byte[shift.length + content.length + end.length];
        System.arraycopy(shift, 0, shifted, 0, shift.length);
        System.arraycopy(content, 0, shifted, shift.length, content.length);
        System.arraycopy(end, 0, shifted, shift.length + content.length, end.length);
        try (PDDocument scratch = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
            PDPage view = new PDPage(new PDRectangle(region.getWidth() + 2 * margin, region.getHeight() + 2 * margin));
            view.setResources(page.getResources());
            view.setContents(new PDStream(scratch, new ByteArrayInputStream(shifted)));
            scratch.addPage(view);
            BufferedImage image = new PDFRenderer(scratch).renderImageWithDPI(0, dpi, ImageType.RGB);
            Optional<String> text = decode(image);
            if (text.isEmpty()) {
                // Like a phone moved closer: only the code itself, which is its own quiet zone.
                int inset = Math.round(margin * dpi / 72f);
                BufferedImage code =
                        image.getSubimage(inset, inset, image.getWidth() - 2 * inset, image.getHeight() - 2 * inset);
                text = decodePure(code);
            }
            return text;
        }
    }

    /** Decodes a QR code in an image, with the local then the global binarizer. */
    public static Optional<String> decode(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        Optional<String> text = decode(new BinaryBitmap(new HybridBinarizer(source)), HINTS);
        return text.isPresent() ? text : decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), HINTS);
    }

    /** Decodes an image that holds exactly one code and its quiet zone. */
    static Optional<String> decodePure(BufferedImage image) {
        return decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }

    private static Optional<String> decode(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
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
