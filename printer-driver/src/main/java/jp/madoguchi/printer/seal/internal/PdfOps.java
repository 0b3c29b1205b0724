package jp.madoguchi.printer.seal.internal;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.nio.charset.StandardCharsets;

/**
 * Writes PDF content-stream operators as text with a fixed number format, so generated streams
 * are byte-for-byte the same on every machine (the verifier regenerates and compares them).
 */
public final class PdfOps {
    private final StringBuilder out = new StringBuilder(4096);

    /** A number with at most three decimals, no exponent, no negative zero. */
    public static String num(double value) {
        long milli = Math.round(value * 1000.0);
        if (milli == 0) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        if (milli < 0) {
            s.append('-');
            milli = -milli;
        }
        s.append(milli / 1000);
        long frac = milli % 1000;
        if (frac != 0) {
            // Three digits, trailing zeros dropped (without String.format: the background has ~10^5 numbers).
            s.append('.');
            for (long unit = 100; unit > 0 && frac != 0; unit /= 10) {
                s.append((char) ('0' + frac / unit));
                frac %= unit;
            }
        }
        return s.toString();
    }

    /** Appends numbers followed by an operator, e.g. {@code op("re", x, y, w, h)}. */
    public PdfOps op(String operator, double... operands) {
        for (double v : operands) {
            out.append(num(v)).append(' ');
        }
        out.append(operator).append('\n');
        return this;
    }

    /** Appends raw operator text (names, fixed operators). */
    public PdfOps raw(String text) {
        out.append(text).append('\n');
        return this;
    }

    /** Appends a shape as path construction operators (move, line, curve, close) after a transform. */
    public PdfOps path(Shape shape, AffineTransform transform) {
        PathIterator it = shape.getPathIterator(transform);
        double[] c = new double[6];
        double lastX = 0;
        double lastY = 0;
        while (!it.isDone()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    op("m", c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    op("l", c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    // PDF has no quadratic curves: raise the degree to cubic.
                    double c1x = lastX + 2.0 / 3.0 * (c[0] - lastX);
                    double c1y = lastY + 2.0 / 3.0 * (c[1] - lastY);
                    double c2x = c[2] + 2.0 / 3.0 * (c[0] - c[2]);
                    double c2y = c[3] + 2.0 / 3.0 * (c[1] - c[3]);
                    op("c", c1x, c1y, c2x, c2y, c[2], c[3]);
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    op("c", c[0], c[1], c[2], c[3], c[4], c[5]);
                    lastX = c[4];
                    lastY = c[5];
                }
                case PathIterator.SEG_CLOSE -> out.append("h\n");
                default -> throw new IllegalStateException("unknown path segment");
            }
            it.next();
        }
        return this;
    }

    public byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
