package jp.madoguchi.printer.seal.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The seal QR code as a 1-bit image with one pixel per module and a four-module quiet zone. The
 * image is drawn scaled up without interpolation, so it prints sharp; the verifier reads its
 * modules back and checks that they are exactly a QR encoding of the seal text.
 */
public final class SealImage {
    static final int QUIET_ZONE = 4;
    private static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;

    private SealImage() {}

    /** The module matrix (true = dark) of the text, quiet zone included; mask chosen by the encoder. */
    public static boolean[][] modules(String text) {
        return modules(text, -1);
    }

    private static boolean[][] modules(String text, int mask) {
        try {
            Map<EncodeHintType, Object> hints = mask < 0 ? Map.of() : Map.of(EncodeHintType.QR_MASK_PATTERN, mask);
            ByteMatrix matrix = Encoder.encode(text, LEVEL, hints).getMatrix();
            int size = matrix.getWidth() + 2 * QUIET_ZONE;
            boolean[][] dark = new boolean[size][size];
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    dark[y + QUIET_ZONE][x + QUIET_ZONE] = matrix.get(x, y) == 1;
                }
            }
            return dark;
        } catch (WriterException e) {
            throw new PrinterException(ErrorCode.SEAL_INPUT_INVALID, "the seal does not fit a QR code", e);
        }
    }

    /**
     * True when the modules are a QR encoding of the text under one of the eight standard masks
     * (so a verifier built with another encoder version, which may pick another mask, agrees).
     */
    public static boolean encodes(boolean[][] modules, String text) {
        for (int mask = 0; mask < 8; mask++) {
            if (Arrays.deepEquals(modules(text, mask), modules)) {
                return true;
            }
        }
        return false;
    }

    /** Creates the image XObject in a document. */
    public static PDImageXObject create(PDDocument document, boolean[][] dark) {
        int size = dark.length;
        int rowBytes = (size + 7) / 8;
        byte[] bits = new byte[rowBytes * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (!dark[y][x]) {
                    // DeviceGray 1 bit per component: 1 is white.
                    bits[y * rowBytes + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        try {
            java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
            try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(deflated)) {
                out.write(bits);
            }
            // This constructor takes data already encoded with the filter given.
            return new PDImageXObject(
                    document,
                    new ByteArrayInputStream(deflated.toByteArray()),
                    COSName.FLATE_DECODE,
                    size,
                    size,
                    1,
                    PDDeviceGray.INSTANCE);
        } catch (IOException e) {
            throw new UncheckedIOException("seal image could not be built in memory", e);
        }
    }

    /**
     * Reads the modules back from an image XObject; empty when the image is not a plain square
     * 1-bit gray image (then it cannot be a seal).
     */
    public static java.util.Optional<boolean[][]> read(PDImageXObject image) {
        try {
            int size = image.getWidth();
            if (size != image.getHeight()
                    || size < 21 + 2 * QUIET_ZONE
                    || size > 177 + 2 * QUIET_ZONE
                    || image.getBitsPerComponent() != 1
                    || image.isStencil()
                    || !(image.getColorSpace() instanceof PDDeviceGray)
                    || image.getCOSObject().containsKey(COSName.DECODE)
                    || image.getCOSObject().containsKey(COSName.SMASK)
                    || image.getCOSObject().containsKey(COSName.MASK)) {
                return java.util.Optional.empty();
            }
            int rowBytes = (size + 7) / 8;
            byte[] bits;
            try (InputStream in = image.getCOSObject().createInputStream()) {
                bits = in.readNBytes(rowBytes * size + 1);
            }
            if (bits.length != rowBytes * size) {
                return java.util.Optional.empty();
            }
            boolean[][] dark = new boolean[size][size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    dark[y][x] = (bits[y * rowBytes + x / 8] & (0x80 >> (x % 8))) == 0;
                }
            }
            return java.util.Optional.of(dark);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
