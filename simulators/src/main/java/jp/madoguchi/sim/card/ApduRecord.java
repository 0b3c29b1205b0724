package jp.madoguchi.sim.card;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One command APDU a slot's card received, as its APDU log keeps it: the command with the data
 * of PIN commands (VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER) left out, and of the
 * answer only its status word and length, never its data.
 *
 * @param at when the command arrived
 * @param command the command; for PIN commands only the header and Lc
 * @param pinDataMasked true when the command carried PIN data that was left out
 * @param statusWord SW1SW2 of the answer, or -1 if the card never answered (muted, then removed)
 * @param responseDataLength bytes of answer data before the status word
 * @param elapsed time from command to answer (or to giving up)
 */
public record ApduRecord(
        Instant at, byte[] command, boolean pinDataMasked, int statusWord, int responseDataLength, Duration elapsed) {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    public ApduRecord {
        command = command.clone();
    }

    static ApduRecord of(Instant at, byte[] command, byte[] response, Duration elapsed) {
        int sw = response.length >= 2
                ? ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF)
                : -1;
        return new ApduRecord(at, masked(command), carriesPin(command), sw, Math.max(0, response.length - 2), elapsed);
    }

    static ApduRecord unanswered(Instant at, byte[] command, Duration elapsed) {
        return new ApduRecord(at, masked(command), carriesPin(command), -1, 0, elapsed);
    }

    @Override
    public byte[] command() {
        return command.clone();
    }

    public int cla() {
        return command.length > 0 ? command[0] & 0xFF : -1;
    }

    public int ins() {
        return command.length > 1 ? command[1] & 0xFF : -1;
    }

    public int p1() {
        return command.length > 2 ? command[2] & 0xFF : -1;
    }

    public int p2() {
        return command.length > 3 ? command[3] & 0xFF : -1;
    }

    /** True for VERIFY (INS 20), with or without PIN data. */
    public boolean isVerify() {
        return ins() == 0x20;
    }

    /** True when the card answered. */
    public boolean answered() {
        return statusWord >= 0;
    }

    @Override
    public String toString() {
        String text = HEX.formatHex(command) + (pinDataMasked ? " ********" : "");
        return text + " -> "
                + (answered() ? responseDataLength + " bytes " + String.format("%04X", statusWord) : "no answer") + " ("
                + elapsed.toMillis() + " ms)";
    }

    private static boolean carriesPin(byte[] command) {
        if (command.length <= 5 || (command[0] & 0x80) != 0) {
            return false;
        }
        int ins = command[1] & 0xFF;
        return ins == 0x20 || ins == 0x21 || ins == 0x24 || ins == 0x2C;
    }

    private static byte[] masked(byte[] command) {
        if (!carriesPin(command)) {
            return command.clone();
        }
        // Keep the header and the length field: short Lc (1 byte) or extended (00 Lc-hi Lc-lo).
        int keep = (command[4] == 0 && command.length > 7) ? 7 : 5;
        byte[] header = new byte[keep];
        System.arraycopy(command, 0, header, 0, keep);
        return header;
    }
}
