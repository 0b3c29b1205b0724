package jp.madoguchi.sim.printer.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper of one receipt as the emulated printer prints it: lines of text segments and QR codes,
 * laid out on an 80 mm roll (576 dots at 203 dpi, font A 12×24 dots, kanji 24×24), rendered to an
 * image with the shipped font and to plain text.
 */
public final class ReceiptCanvas {
    public static final int WIDTH_DOTS = 576;
    public static final int COLUMNS = 48;
    static final int CELL = 12;
    static final int LINE_GAP = 8;
    static final Charset SHIFT_JIS = Charset.forName("MS932");

    /** A run of text with its attributes. */
    record Segment(String text, boolean bold, int width, int height) {
        int columns() {
            return text.getBytes(SHIFT_JIS).length * width;
        }
    }

    private sealed interface Row permits TextRow, QrRow {}

    private record TextRow(List<Segment> segments, int justify) implements Row {
        int height() {
            return 24 * segments.stream().mapToInt(Segment::height).max().orElse(1) + LINE_GAP;
        }
    }

    private record QrRow(String data, int moduleDots, ErrorCorrectionLevel level, int justify) implements Row {}

    private final List<Row> rows = new ArrayList<>();
    private final List<Segment> line = new ArrayList<>();
    private final List<String> qrCodes = new ArrayList<>();

    /** Adds text to the current line. */
    public void text(String text, boolean bold, int width, int height) {
        if (!text.isEmpty()) {
            line.add(new Segment(text, bold, width, height));
        }
    }

    /** Ends the current line (an empty line feeds one blank line). */
    public void lineFeed(int justify) {
        rows.add(new TextRow(List.copyOf(line), justify));
        line.clear();
    }

    /** Ends the current line only if it holds text. */
    public void flushLine(int justify) {
        if (!line.isEmpty()) {
            lineFeed(justify);
        }
    }

    /** Adds a QR code below the current line. */
    public void qr(String data, int moduleDots, ErrorCorrectionLevel level, int justify) {
        flushLine(justify);
        rows.add(new QrRow(data, Math.max(1, Math.min(16, moduleDots)), level, justify));
        qrCodes.add(data);
    }

    /** Discards the line being built (ESC @ clears the line buffer). */
    public void clearLine() {
        line.clear();
    }

    public boolean isEmpty() {
        return rows.isEmpty() && line.isEmpty();
    }

    /** Rows printed so far. */
    public int rowCount() {
        return rows.size();
    }

    public List<String> qrCodes() {
        return List.copyOf(qrCodes);
    }

    /** The receipt as text: one line per printed line, aligned within 48 columns; QR codes as [QR ...]. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        for (Row row : rows) {
            if (row instanceof TextRow text) {
                StringBuilder s = new StringBuilder();
                int columns = 0;
                for (Segment segment : text.segments()) {
                    s.append(segment.text());
                    columns += segment.columns();
                }
                String printed = s.toString().stripTrailing();
                int pad = Math.max(0, COLUMNS - columns);
                int left = printed.isEmpty() ? 0 : text.justify() == 1 ? pad / 2 : text.justify() == 2 ? pad : 0;
                out.append(" ".repeat(left)).append(printed).append('\n');
            } else if (row instanceof QrRow qr) {
                out.append("[QR ").append(qr.data()).append("]\n");
            }
        }
        return out.toString();
    }

    /** The receipt as the paper would look, black on white, 576 dots wide. */
    public BufferedImage render(Font regular, Font bold) {
        List<BufferedImage> qrImages = new ArrayList<>();
        int height = 16;
        for (Row row : rows) {
            if (row instanceof TextRow text) {
                height += text.height();
            } else if (row instanceof QrRow qr) {
                BufferedImage image = qrImage(qr);
                qrImages.add(image);
                height += image.getHeight() + LINE_GAP;
            }
        }
        height += 16;
        BufferedImage image = new BufferedImage(WIDTH_DOTS, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH_DOTS, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int y = 16;
            int q = 0;
            for (Row row : rows) {
                if (row instanceof TextRow text) {
                    drawLine(g, text, y, regular, bold);
                    y += text.height();
                } else if (row instanceof QrRow qr) {
                    BufferedImage code = qrImages.get(q++);
                    int x = qr.justify() == 1
                            ? (WIDTH_DOTS - code.getWidth()) / 2
                            : qr.justify() == 2 ? WIDTH_DOTS - code.getWidth() : 0;
                    g.drawImage(code, x, y, null);
                    y += code.getHeight() + LINE_GAP;
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawLine(Graphics2D g, TextRow row, int top, Font regular, Font bold) {
        int columns = row.segments().stream().mapToInt(Segment::columns).sum();
        int widthDots = Math.min(WIDTH_DOTS, columns * CELL);
        int x = row.justify() == 1 ? (WIDTH_DOTS - widthDots) / 2 : row.justify() == 2 ? WIDTH_DOTS - widthDots : 0;
        int lineHeight = row.height() - LINE_GAP;
        for (Segment segment : row.segments()) {
            Font font = (segment.bold() ? bold : regular).deriveFont(24f * segment.height());
            Font scaled = font.deriveFont(
                    java.awt.geom.AffineTransform.getScaleInstance((double) segment.width() / segment.height(), 1));
            g.setFont(scaled);
            int baseline = top + lineHeight - 4 * segment.height();
            // Monospaced like the printer: each character takes 1 or 2 cells whatever the glyph's width.
            for (int i = 0; i < segment.text().length(); ) {
                int cp = segment.text().codePointAt(i);
                String ch = new String(Character.toChars(cp));
                int cells = ch.getBytes(SHIFT_JIS).length * segment.width();
                g.drawString(ch, x, baseline);
                x += cells * CELL;
                i += Character.charCount(cp);
            }
        }
    }

    private static BufferedImage qrImage(QrRow qr) {
        try {
            ByteMatrix matrix = Encoder.encode(qr.data(), qr.level(), Map.of(EncodeHintType.CHARACTER_SET, "Shift_JIS"))
                    .getMatrix();
            int quiet = 4;
            int size = (matrix.getWidth() + 2 * quiet) * qr.moduleDots();
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            g.setColor(Color.BLACK);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y) == 1) {
                        g.fillRect(
                                (x + quiet) * qr.moduleDots(),
                                (y + quiet) * qr.moduleDots(),
                                qr.moduleDots(),
                                qr.moduleDots());
                    }
                }
            }
            g.dispose();
            return image;
        } catch (WriterException e) {
            // The printer prints nothing for data it cannot encode; show a blank band.
            return new BufferedImage(WIDTH_DOTS, 24, BufferedImage.TYPE_BYTE_GRAY);
        }
    }
}
