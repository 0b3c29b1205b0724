package jp.madoguchi.printer.receipt.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/** Turns a receipt layout into ESC/POS bytes for a Japanese receipt printer. */
public final class EscPosEncoder {
    private EscPosEncoder() {}

    /** The bytes of one receipt, from initialisation to the cut. */
    public static byte[] encode(List<Block> blocks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        out.writeBytes(EscPosCommands.INITIALIZE);
        out.writeBytes(EscPosCommands.KANJI_SHIFT_JIS);
        out.writeBytes(EscPosCommands.KANJI_ON);
        for (Block block : blocks) {
            if (block instanceof Block.Text text) {
                out.writeBytes(EscPosCommands.align(text.align()));
                out.writeBytes(EscPosCommands.bold(text.bold()));
                out.writeBytes(EscPosCommands.size(text.scale()));
                for (String line : text.text().split("\n", -1)) {
                    out.writeBytes(shiftJis(line));
                    out.write(EscPosCommands.LF);
                }
                out.writeBytes(EscPosCommands.size(1));
                out.writeBytes(EscPosCommands.bold(false));
            } else if (block instanceof Block.Rule) {
                out.writeBytes(EscPosCommands.align(Block.Align.LEFT));
                out.writeBytes(shiftJis("-".repeat(ReceiptLayout.COLUMNS)));
                out.write(EscPosCommands.LF);
            } else if (block instanceof Block.Qr qr) {
                byte[] data = shiftJis(qr.data());
                out.writeBytes(EscPosCommands.align(Block.Align.CENTER));
                out.writeBytes(EscPosCommands.qrFunction(65, (byte) 50, (byte) 0)); // model 2
                out.writeBytes(EscPosCommands.qrFunction(67, (byte) qr.moduleDots())); // module size
                out.writeBytes(EscPosCommands.qrFunction(69, (byte) 49)); // error correction M
                out.writeBytes(EscPosCommands.qrFunction(80, concat(new byte[] {48}, data))); // store
                out.writeBytes(EscPosCommands.qrFunction(81, (byte) 48)); // print
                out.write(EscPosCommands.LF);
                out.writeBytes(EscPosCommands.align(Block.Align.LEFT));
            } else if (block instanceof Block.Feed feed) {
                out.writeBytes(EscPosCommands.feed(feed.lines()));
            }
        }
        out.writeBytes(EscPosCommands.feed(3));
        out.writeBytes(EscPosCommands.FEED_AND_CUT);
        return out.toByteArray();
    }

    /** Shift_JIS bytes; a character the printer cannot print is an error, not a silent '?'. */
    static byte[] shiftJis(String text) {
        CharsetEncoder encoder = ReceiptLayout.SHIFT_JIS
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            int bad = text.codePoints()
                    .filter(cp -> !ReceiptLayout.SHIFT_JIS.newEncoder().canEncode(new String(Character.toChars(cp))))
                    .findFirst()
                    .orElse('?');
            throw new PrinterException(
                    ErrorCode.RECEIPT_INVALID,
                    "character U+" + Integer.toHexString(bad).toUpperCase() + " has no Shift_JIS code");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
