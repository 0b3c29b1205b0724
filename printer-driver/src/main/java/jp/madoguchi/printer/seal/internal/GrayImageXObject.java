package jp.madoguchi.printer.seal.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * 8-bit DeviceGray images stored sample for sample. PDFBox's image factories colour-manage gray
 * images (linear to sRGB), which would change the scrambled samples; the verifier needs exactly
 * the samples the kiosk computed.
 */
public final class GrayImageXObject {
    private GrayImageXObject() {}

    /** Stores a TYPE_BYTE_GRAY image's samples as they are. */
    public static PDImageXObject create(PDDocument document, BufferedImage gray) {
        if (gray.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("expected a TYPE_BYTE_GRAY image");
        }
        byte[] samples = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        try {
            ByteArrayOutputStream deflated = new ByteArrayOutputStream(samples.length / 4);
            try (DeflaterOutputStream out =
                    new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_SPEED), 64 * 1024)) {
                out.write(samples, 0, gray.getWidth() * gray.getHeight());
            }
            return new PDImageXObject(
                    document,
                    new ByteArrayInputStream(deflated.toByteArray()),
                    COSName.FLATE_DECODE,
                    gray.getWidth(),
                    gray.getHeight(),
                    8,
                    PDDeviceGray.INSTANCE);
        } catch (IOException e) {
            throw new UncheckedIOException("image could not be built in memory", e);
        }
    }

    /** Reads the stored samples back into a TYPE_BYTE_GRAY image. */
    public static BufferedImage read(PDImageXObject image) throws IOException {
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.setData(image.getRawRaster());
        return gray;
    }
}
