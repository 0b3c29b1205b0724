package jp.madoguchi.sim.printer.internal;

/** One ESC/POS command as the emulator understood it. */
public sealed interface EscPosCommand {
    /** Real-time commands act at once, even while the printer cannot print. */
    default boolean realTime() {
        return false;
    }

    /** Printable bytes (single-byte characters, or Shift_JIS pairs in kanji mode). */
    record Text(byte[] bytes, boolean kanji) implements EscPosCommand {}

    /** LF: print the line buffer and feed one line. */
    record LineFeed() implements EscPosCommand {}

    /** ESC @. */
    record Initialize() implements EscPosCommand {}

    /** ESC a n. */
    record Justify(int n) implements EscPosCommand {}

    /** ESC E n (or ESC ! with bit 3). */
    record Emphasis(boolean on) implements EscPosCommand {}

    /** GS ! n: width (high nibble) and height (low nibble) multipliers minus one. */
    record CharacterSize(int width, int height) implements EscPosCommand {}

    /** ESC d n. */
    record FeedLines(int n) implements EscPosCommand {}

    /** FS & / FS . */
    record KanjiMode(boolean on) implements EscPosCommand {}

    /** GS ( k with cn 49: a QR code function and its parameters. */
    record QrFunction(int fn, byte[] parameters) implements EscPosCommand {}

    /** GS V, ESC i, ESC m. */
    record Cut() implements EscPosCommand {}

    /** DLE EOT n. */
    record StatusRequest(int n) implements EscPosCommand {
        @Override
        public boolean realTime() {
            return true;
        }
    }

    /** DLE DC4 8 ...: clear the buffers. */
    record ClearBuffers() implements EscPosCommand {
        @Override
        public boolean realTime() {
            return true;
        }
    }

    /** A command the emulator skips (code page, line spacing, drawer kick, ...). */
    record Ignored(String name) implements EscPosCommand {}
}
