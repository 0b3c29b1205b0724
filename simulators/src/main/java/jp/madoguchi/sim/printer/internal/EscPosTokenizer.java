package jp.madoguchi.sim.printer.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an ESC/POS byte stream into commands, however the bytes arrive in chunks. It knows each
 * command's length (Epson ESC/POS reference) so that real-time status requests are found at command
 * boundaries, even in data the printer holds while it cannot print.
 */
public final class EscPosTokenizer {
    private static final int ESC = 0x1b;
    private static final int GS = 0x1d;
    private static final int FS = 0x1c;
    private static final int DLE = 0x10;

    private byte[] pending = new byte[0];
    private boolean kanji;

    /** Adds bytes; returns the commands completed by them. */
    public List<EscPosCommand> feed(byte[] data, int length) {
        byte[] buffer = Arrays.copyOf(pending, pending.length + length);
        System.arraycopy(data, 0, buffer, pending.length, length);
        List<EscPosCommand> out = new ArrayList<>();
        int position = 0;
        while (position < buffer.length) {
            int used = next(buffer, position, out);
            if (used == 0) {
                break; // incomplete: wait for more bytes
            }
            position += used;
        }
        pending = Arrays.copyOfRange(buffer, position, buffer.length);
        return out;
    }

    /** Parses one command at {@code p}; returns bytes used, 0 if incomplete. */
    private int next(byte[] b, int p, List<EscPosCommand> out) {
        int c = b[p] & 0xff;
        int available = b.length - p;
        if (c == 0x0a) {
            out.add(new EscPosCommand.LineFeed());
            return 1;
        }
        if (c == ESC) {
            return esc(b, p, available, out);
        }
        if (c == GS) {
            return gs(b, p, available, out);
        }
        if (c == FS) {
            return fs(b, p, available, out);
        }
        if (c == DLE) {
            return dle(b, p, available, out);
        }
        if (c < 0x20 || c == 0x7f) {
            out.add(new EscPosCommand.Ignored(String.format("control 0x%02X", c)));
            return 1;
        }
        return text(b, p, out);
    }

    private int text(byte[] b, int p, List<EscPosCommand> out) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int i = p;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c < 0x20 || c == 0x7f) {
                break;
            }
            if (kanji && isLeadByte(c)) {
                if (i + 1 >= b.length) {
                    break; // the trail byte has not arrived yet
                }
                text.write(b[i]);
                text.write(b[i + 1]);
                i += 2;
            } else {
                text.write(c);
                i++;
            }
        }
        if (i == p) {
            return 0;
        }
        out.add(new EscPosCommand.Text(text.toByteArray(), kanji));
        return i - p;
    }

    private static boolean isLeadByte(int c) {
        return (c >= 0x81 && c <= 0x9f) || (c >= 0xe0 && c <= 0xfc);
    }

    private int esc(byte[] b, int p, int available, List<EscPosCommand> out) {
        if (available < 2) {
            return 0;
        }
        int c = b[p + 1] & 0xff;
        switch (c) {
            case '@':
                kanji = false;
                out.add(new EscPosCommand.Initialize());
                return 2;
            case '2':
            case '<':
                out.add(new EscPosCommand.Ignored("ESC " + (char) c));
                return 2;
            case 'i':
            case 'm':
                out.add(new EscPosCommand.Cut());
                return 2;
            case 'p':
                return need(available, 5, () -> out.add(new EscPosCommand.Ignored("ESC p")));
            case 'c':
                return need(available, 4, () -> out.add(new EscPosCommand.Ignored("ESC c")));
            default:
                break;
        }
        if (available < 3) {
            return 0;
        }
        int n = b[p + 2] & 0xff;
        switch (c) {
            case 'a' -> out.add(new EscPosCommand.Justify(n % 48 % 3));
            case 'E' -> out.add(new EscPosCommand.Emphasis((n & 1) == 1));
            case 'd' -> out.add(new EscPosCommand.FeedLines(n));
            case '!' -> {
                out.add(new EscPosCommand.Emphasis((n & 0x08) != 0));
                out.add(new EscPosCommand.CharacterSize((n & 0x20) != 0 ? 1 : 0, (n & 0x10) != 0 ? 1 : 0));
            }
            default -> out.add(new EscPosCommand.Ignored("ESC " + (char) c));
        }
        return 3;
    }

    private int gs(byte[] b, int p, int available, List<EscPosCommand> out) {
        if (available < 2) {
            return 0;
        }
        int c = b[p + 1] & 0xff;
        if (c == '(') {
            if (available < 5) {
                return 0;
            }
            int function = b[p + 2] & 0xff;
            int length = (b[p + 3] & 0xff) | ((b[p + 4] & 0xff) << 8);
            if (available < 5 + length) {
                return 0;
            }
            if (function == 'k' && length >= 2 && (b[p + 5] & 0xff) == 49) {
                out.add(new EscPosCommand.QrFunction(b[p + 6] & 0xff, Arrays.copyOfRange(b, p + 7, p + 5 + length)));
            } else {
                out.add(new EscPosCommand.Ignored("GS ( " + (char) function));
            }
            return 5 + length;
        }
        if (c == 'V') {
            if (available < 3) {
                return 0;
            }
            int m = b[p + 2] & 0xff;
            boolean hasFeed = m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104;
            if (hasFeed && available < 4) {
                return 0;
            }
            out.add(new EscPosCommand.Cut());
            return hasFeed ? 4 : 3;
        }
        if (c == 'k') {
            return barcode(b, p, available, out);
        }
        if (c == 'v') {
            // GS v 0 m xL xH yL yH d...: a raster image.
            if (available < 8) {
                return 0;
            }
            int bytes = ((b[p + 4] & 0xff) | ((b[p + 5] & 0xff) << 8)) * ((b[p + 6] & 0xff) | ((b[p + 7] & 0xff) << 8));
            return need(available, 8 + bytes, () -> out.add(new EscPosCommand.Ignored("GS v 0")));
        }
        if (c == 'L' || c == 'W' || c == '$' || c == '\\') {
            return need(available, 4, () -> out.add(new EscPosCommand.Ignored("GS " + (char) c)));
        }
        if (available < 3) {
            return 0;
        }
        int n = b[p + 2] & 0xff;
        if (c == '!') {
            out.add(new EscPosCommand.CharacterSize((n >> 4) & 0x07, n & 0x07));
        } else {
            out.add(new EscPosCommand.Ignored("GS " + (char) c));
        }
        return 3;
    }

    private int barcode(byte[] b, int p, int available, List<EscPosCommand> out) {
        if (available < 3) {
            return 0;
        }
        int m = b[p + 2] & 0xff;
        if (m <= 6) {
            for (int i = p + 3; i < b.length; i++) {
                if (b[i] == 0) {
                    out.add(new EscPosCommand.Ignored("GS k"));
                    return i - p + 1;
                }
            }
            return 0;
        }
        if (available < 4) {
            return 0;
        }
        int n = b[p + 3] & 0xff;
        return need(available, 4 + n, () -> out.add(new EscPosCommand.Ignored("GS k")));
    }

    private int fs(byte[] b, int p, int available, List<EscPosCommand> out) {
        if (available < 2) {
            return 0;
        }
        int c = b[p + 1] & 0xff;
        if (c == '&') {
            kanji = true;
            out.add(new EscPosCommand.KanjiMode(true));
            return 2;
        }
        if (c == '.') {
            kanji = false;
            out.add(new EscPosCommand.KanjiMode(false));
            return 2;
        }
        if (c == 'S') {
            return need(available, 4, () -> out.add(new EscPosCommand.Ignored("FS S")));
        }
        if (c == '2') {
            return need(available, 4 + 72, () -> out.add(new EscPosCommand.Ignored("FS 2")));
        }
        return need(available, 3, () -> out.add(new EscPosCommand.Ignored("FS " + (char) c)));
    }

    private int dle(byte[] b, int p, int available, List<EscPosCommand> out) {
        if (available < 3) {
            return 0;
        }
        int c = b[p + 1] & 0xff;
        if (c == 0x04) {
            out.add(new EscPosCommand.StatusRequest(b[p + 2] & 0xff));
            return 3;
        }
        if (c == 0x14) {
            int fn = b[p + 2] & 0xff;
            if (fn == 8) {
                return need(available, 10, () -> out.add(new EscPosCommand.ClearBuffers()));
            }
            return need(available, 5, () -> out.add(new EscPosCommand.Ignored("DLE DC4 " + fn)));
        }
        out.add(new EscPosCommand.Ignored("DLE " + c));
        return 3;
    }

    private static int need(int available, int length, Runnable emit) {
        if (available < length) {
            return 0;
        }
        emit.run();
        return length;
    }
}
