package jp.madoguchi.printer.seal.internal;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * How alike two gray page images are: the Pearson correlation of their 4×4-pixel block means, so
 * small rasterisation and tint-rounding differences do not matter but different text does.
 */
public final class ImageSimilarity {
    private static final int BLOCK = 4;

    private ImageSimilarity() {}

    /** Correlation in [-1, 1] over the area both images cover; 0 when either is blank. */
    public static double correlation(BufferedImage a, BufferedImage b) {
        int width = Math.min(a.getWidth(), b.getWidth()) / BLOCK;
        int height = Math.min(a.getHeight(), b.getHeight()) / BLOCK;
        double[] x = blocks(a.getRaster(), width, height);
        double[] y = blocks(b.getRaster(), width, height);
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return 0;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double[] blocks(Raster raster, int width, int height) {
        double[] out = new double[width * height];
        int[] sample = new int[BLOCK * BLOCK];
        for (int by = 0; by < height; by++) {
            for (int bx = 0; bx < width; bx++) {
                raster.getSamples(bx * BLOCK, by * BLOCK, BLOCK, BLOCK, 0, sample);
                double sum = 0;
                for (int v : sample) {
                    sum += v;
                }
                out[by * width + bx] = sum / sample.length;
            }
        }
        return out;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
