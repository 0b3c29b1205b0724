package jp.madoguchi.sim.card.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ISO 7816-4 shape of a command APDU (case 1 to 4, short or extended), checked before the
 * command reaches jCardSim, which throws on malformed lengths where a card answers 6700.
 *
 * <p>Also plays the part of a Java Card runtime that jCardSim gets wrong: an extended Le of 0000
 * (65536) or above 7FFF reaches the applet as 0 or a negative number there, while a Java Card
 * applet sees at most 32767. {@link #forJavaCard()} rewrites such an Le to 7FFF, which means the
 * same to an applet.
 */
public record CommandShape(int apduCase, boolean extended, int lc, int ne) {

    /** The shape of {@code command}, or empty if its length fields do not add up. */
    public static Optional<CommandShape> of(byte[] command) {
        int n = command.length;
        if (n < 4) {
            return Optional.empty();
        }
        if (n == 4) {
            return Optional.of(new CommandShape(1, false, 0, 0));
        }
        int b4 = command[4] & 0xFF;
        if (n == 5) {
            return Optional.of(new CommandShape(2, false, 0, b4 == 0 ? 256 : b4));
        }
        if (b4 != 0) {
            if (n == 5 + b4) {
                return Optional.of(new CommandShape(3, false, b4, 0));
            }
            if (n == 6 + b4) {
                int le = command[n - 1] & 0xFF;
                return Optional.of(new CommandShape(4, false, b4, le == 0 ? 256 : le));
            }
            return Optional.empty();
        }
        // b4 == 0 and more than 5 bytes: extended length.
        if (n == 7) {
            return Optional.of(new CommandShape(2, true, 0, extendedNe(command, 5)));
        }
        int lc = ((command[5] & 0xFF) << 8) | (command[6] & 0xFF);
        if (lc == 0) {
            return Optional.empty();
        }
        if (n == 7 + lc) {
            return Optional.of(new CommandShape(3, true, lc, 0));
        }
        if (n == 9 + lc) {
            return Optional.of(new CommandShape(4, true, lc, extendedNe(command, n - 2)));
        }
        return Optional.empty();
    }

    /** True when an applet can take the command: jCardSim holds at most 32767 data bytes. */
    public boolean fitsJavaCard() {
        return lc <= Short.MAX_VALUE;
    }

    /**
     * {@code command} as a Java Card runtime hands it to an applet: an extended Le above 32767
     * becomes 7FFF. Other commands are returned unchanged.
     */
    public byte[] forJavaCard(byte[] command) {
        if (!extended || ne <= Short.MAX_VALUE || (apduCase != 2 && apduCase != 4)) {
            return command;
        }
        byte[] copy = Arrays.copyOf(command, command.length);
        copy[copy.length - 2] = 0x7F;
        copy[copy.length - 1] = (byte) 0xFF;
        return copy;
    }

    private static int extendedNe(byte[] command, int offset) {
        int le = ((command[offset] & 0xFF) << 8) | (command[offset + 1] & 0xFF);
        return le == 0 ? 65536 : le;
    }
}
