package jp.madoguchi.printer.seal.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed, reversible scramble of the back image: the front is rendered in gray, cut into
 * 16-pixel tiles, the tiles are shuffled by a permutation and some are inverted, both drawn from
 * HMAC-SHA256(key, document id, page) in counter mode. Finally the tones are lightened to a 40%
 * tint so the back stays readable as paper and uses little toner; unscrambling undoes all three.
 */
public final class TileScrambler {
    public static final int TILE = 16;
    /** Darkest printed tone is 40% of full black. */
    static final double TINT = 0.4;

    private final int[] permutation;
    private final boolean[] inverted;
    private final int cols;
    private final int rows;

    /** A scrambler for an image of the given size (in pixels) of one page of one document. */
    public TileScrambler(byte[] key, String documentId, int page, int width, int height) {
        this.cols = (width + TILE - 1) / TILE;
        this.rows = (height + TILE - 1) / TILE;
        int tiles = cols * rows;
        KeyStream stream = new KeyStream(key, "MGSCR1|" + documentId + "|" + page);
        permutation = new int[tiles];
        for (int i = 0; i < tiles; i++) {
            permutation[i] = i;
        }
        // Fisher-Yates with a 64-bit draw per step (modulo bias below 2^-40 for these sizes).
        for (int i = tiles - 1; i > 0; i--) {
            int j = (int) Long.remainderUnsigned(stream.nextLong(), i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        inverted = new boolean[tiles];
        for (int i = 0; i < tiles; i++) {
            inverted[i] = (stream.nextLong() & 1) == 1;
        }
    }

    /** Scrambles a gray image; the result is padded to whole tiles. */
    public BufferedImage scramble(BufferedImage gray) {
        byte[] src = pixels(toGray(gray), cols * TILE, rows * TILE);
        byte[] dst = new byte[src.length];
        int stride = cols * TILE;
        for (int d = 0; d < permutation.length; d++) {
            int s = permutation[d];
            copyTile(src, s, dst, d, stride, inverted[d]);
        }
        for (int i = 0; i < dst.length; i++) {
            int ink = 255 - (dst[i] & 0xff);
            dst[i] = (byte) (255 - (int) Math.round(ink * TINT));
        }
        return image(dst, stride, rows * TILE);
    }

    /** Undoes {@link #scramble} (up to the tint's rounding). */
    public BufferedImage unscramble(BufferedImage scrambled) {
        byte[] src = pixels(toGray(scrambled), cols * TILE, rows * TILE);
        for (int i = 0; i < src.length; i++) {
            int ink = 255 - (src[i] & 0xff);
            src[i] = (byte) (255 - Math.min(255, (int) Math.round(ink / TINT)));
        }
        byte[] dst = new byte[src.length];
        int stride = cols * TILE;
        for (int d = 0; d < permutation.length; d++) {
            copyTile(src, d, dst, permutation[d], stride, inverted[d]);
        }
        return image(dst, stride, rows * TILE);
    }

    private void copyTile(byte[] src, int srcTile, byte[] dst, int dstTile, int stride, boolean invert) {
        int sx = (srcTile % cols) * TILE;
        int sy = (srcTile / cols) * TILE;
        int dx = (dstTile % cols) * TILE;
        int dy = (dstTile / cols) * TILE;
        for (int y = 0; y < TILE; y++) {
            int s = (sy + y) * stride + sx;
            int t = (dy + y) * stride + dx;
            for (int x = 0; x < TILE; x++) {
                byte v = src[s + x];
                dst[t + x] = invert ? (byte) (255 - (v & 0xff)) : v;
            }
        }
    }

    /** Gray pixels padded with white to the given size. */
    private static byte[] pixels(BufferedImage gray, int width, int height) {
        byte[] out = new byte[width * height];
        java.util.Arrays.fill(out, (byte) 255);
        byte[] in = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int w = Math.min(width, gray.getWidth());
        int h = Math.min(height, gray.getHeight());
        for (int y = 0; y < h; y++) {
            System.arraycopy(in, y * gray.getWidth(), out, y * width, w);
        }
        return out;
    }

    private static BufferedImage toGray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer() instanceof DataBufferByte
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = gray.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return gray;
    }

    private static BufferedImage image(byte[] data, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(data, 0, target, 0, data.length);
        return out;
    }

    /** HMAC-SHA256 in counter mode: a deterministic keyed stream of 64-bit values. */
    private static final class KeyStream {
        private final Mac mac;
        private final byte[] label;
        private long counter;
        private byte[] block = new byte[0];
        private int offset;

        KeyStream(byte[] key, String label) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
            }
            this.label = label.getBytes(StandardCharsets.UTF_8);
        }

        long nextLong() {
            if (offset + 8 > block.length) {
                mac.update(label);
                long c = counter++;
                for (int i = 7; i >= 0; i--) {
                    mac.update((byte) (c >>> (8 * i)));
                }
                block = mac.doFinal();
                offset = 0;
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (block[offset++] & 0xff);
            }
            return v;
        }
    }
}
