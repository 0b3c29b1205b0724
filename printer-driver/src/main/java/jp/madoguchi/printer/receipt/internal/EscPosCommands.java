package jp.madoguchi.printer.receipt.internal;

/**
 * The ESC/POS commands the kiosk uses (Epson ESC/POS reference; Japanese models), in one place.
 */
public final class EscPosCommands {
    public static final byte ESC = 0x1b;
    public static final byte GS = 0x1d;
    public static final byte FS = 0x1c;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte DC4 = 0x14;
    public static final byte LF = 0x0a;

    /** ESC @: initialise the printer (clears modes, not the receive buffer). */
    public static final byte[] INITIALIZE = {ESC, '@'};
    /** FS C 1: kanji code system Shift_JIS. */
    public static final byte[] KANJI_SHIFT_JIS = {FS, 'C', 1};
    /** FS &: kanji mode on (two-byte Shift_JIS characters). */
    public static final byte[] KANJI_ON = {FS, '&'};
    /** GS V 66 n: feed to the cutter plus n lines' worth and cut, leaving a tab (partial cut). */
    public static final byte[] FEED_AND_CUT = {GS, 'V', 66, 0};
    /** DLE DC4 8 1 3 20 1 6 2 8: real-time "clear buffers" — drops data the printer has not printed. */
    public static final byte[] CLEAR_BUFFERS = {DLE, DC4, 8, 1, 3, 20, 1, 6, 2, 8};

    private EscPosCommands() {}

    /** DLE EOT n: real-time status; n = 1 printer, 2 offline cause, 3 error cause, 4 paper sensors. */
    public static byte[] statusQuery(int n) {
        return new byte[] {DLE, EOT, (byte) n};
    }

    /** ESC a n: justification 0 left, 1 centre, 2 right. */
    public static byte[] align(Block.Align align) {
        return new byte[] {ESC, 'a', (byte) align.ordinal()};
    }

    /** ESC E n: emphasis on or off. */
    public static byte[] bold(boolean on) {
        return new byte[] {ESC, 'E', (byte) (on ? 1 : 0)};
    }

    /** GS ! n: character size; scale 2 = double width and height. */
    public static byte[] size(int scale) {
        int s = Math.max(1, Math.min(8, scale)) - 1;
        return new byte[] {GS, '!', (byte) ((s << 4) | s)};
    }

    /** ESC d n: print and feed n lines. */
    public static byte[] feed(int lines) {
        return new byte[] {ESC, 'd', (byte) Math.max(0, Math.min(255, lines))};
    }

    /** GS ( k function: QR code commands (cn = 49). */
    public static byte[] qrFunction(int fn, byte... params) {
        int length = params.length + 2;
        byte[] out = new byte[5 + params.length + 2];
        out[0] = GS;
        out[1] = '(';
        out[2] = 'k';
        out[3] = (byte) (length & 0xff);
        out[4] = (byte) (length >> 8);
        out[5] = 49;
        out[6] = (byte) fn;
        System.arraycopy(params, 0, out, 7, params.length);
        return out;
    }
}
