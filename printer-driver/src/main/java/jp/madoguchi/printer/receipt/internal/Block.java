package jp.madoguchi.printer.receipt.internal;

/** One element of a receipt, independent of the printer's command language. */
public sealed interface Block {
    /** Horizontal alignment of a line. */
    enum Align {
        LEFT,
        CENTER,
        RIGHT
    }

    /** A line of text; {@code scale} 2 prints it double width and height. */
    record Text(String text, Align align, boolean bold, int scale) implements Block {
        public static Text plain(String text) {
            return new Text(text, Align.LEFT, false, 1);
        }
    }

    /** A dashed separator across the paper. */
    record Rule() implements Block {}

    /** A QR code (model 2, error correction M) with modules of {@code moduleDots} printer dots. */
    record Qr(String data, int moduleDots) implements Block {}

    /** Blank lines. */
    record Feed(int lines) implements Block {}
}
