package jp.madoguchi.card.internal;

import java.util.Arrays;
import java.util.Random;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;

/**
 * Wraps a scripted card and, at random, breaks its answers the ways broken cards, readers and
 * attackers do: truncation, missing or random status words, wrong lengths, flipped bytes, garbage
 * data, hostile DER headers, and transport failures. Seeded, so every case can be replayed.
 */
final class FaultInjectingChannel implements ApduChannel {
    /** A driver that sends this many APDUs in one case is looping. */
    static final int APDU_LIMIT = 2_000;

    private static final int[] INTERESTING_SW = {
        0x9000, 0x6282, 0x6100, 0x6101, 0x61FF, 0x6C00, 0x6C01, 0x6C20, 0x6CFF, 0x63C0, 0x63C1, 0x63C2, 0x63C3, 0x63CF,
        0x6300, 0x6983, 0x6984, 0x6982, 0x6985, 0x6986, 0x6A82, 0x6A86, 0x6B00, 0x6700, 0x6D00, 0x6E00, 0x6F00
    };

    private final ApduChannel card;
    private final Random random;
    private final double faultRate;
    private int sent;
    private boolean faulted;
    private int verifiesWithData;
    private int faults;

    FaultInjectingChannel(ApduChannel card, Random random, double faultRate) {
        this.card = card;
        this.random = random;
        this.faultRate = faultRate;
    }

    /** Whether any answer was broken since the last {@link #resetFaulted()}. */
    boolean faulted() {
        return faulted;
    }

    void resetFaulted() {
        faulted = false;
    }

    /** How many answers were broken (or replaced by a transport failure) in total. */
    int faults() {
        return faults;
    }

    int verifiesWithData() {
        return verifiesWithData;
    }

    @Override
    public byte[] transmit(byte[] command) {
        if (++sent > APDU_LIMIT) {
            throw new AssertionError("the driver sent more than " + APDU_LIMIT + " APDUs in one case: a loop");
        }
        if ((command[1] & 0xFF) == 0x20 && command.length > 4) {
            verifiesWithData++;
        }
        if (random.nextDouble() >= faultRate) {
            return card.transmit(command);
        }
        faulted = true;
        faults++;
        int kind = random.nextInt(14);
        if (kind == 13) {
            throw transportFailure();
        }
        byte[] answer = card.transmit(command);
        return mutate(answer, kind);
    }

    private CardException transportFailure() {
        CardErrorCode[] codes = {
            CardErrorCode.TRANSMISSION_FAILED, CardErrorCode.CARD_REMOVED, CardErrorCode.CARD_NOT_RESPONDING
        };
        return new CardException(codes[random.nextInt(codes.length)], "injected transport failure");
    }

    private byte[] mutate(byte[] answer, int kind) {
        int dataLength = answer.length - 2;
        switch (kind) {
            case 0: // truncated anywhere, status word included
                return Arrays.copyOf(answer, random.nextInt(answer.length));
            case 1: // no status word at all, or a lone byte
                return random.nextBoolean() ? null : new byte[random.nextInt(2)];
            case 2: // random status word, data kept
                return withSw(answer, dataLength, random.nextInt(0x10000));
            case 3: // an interesting status word, data kept
                return withSw(answer, dataLength, INTERESTING_SW[random.nextInt(INTERESTING_SW.length)]);
            case 4: // data shortened, status word kept
                return dataLength <= 0
                        ? answer
                        : withSw(Arrays.copyOf(answer, random.nextInt(dataLength)), -1, sw(answer));
            case 5: // data lengthened with garbage
                byte[] extra = new byte[1 + random.nextInt(random.nextInt(16) == 0 ? 70_000 : 8)];
                random.nextBytes(extra);
                return withSw(ScriptedJpkiCard.concat(Arrays.copyOf(answer, dataLength), extra), -1, sw(answer));
            case 6: // flipped bytes
                byte[] flipped = answer.clone();
                for (int i = 0, n = 1 + random.nextInt(4); i < n && dataLength > 0; i++) {
                    flipped[random.nextInt(dataLength)] ^= (byte) (1 << random.nextInt(8));
                }
                return flipped;
            case 7: // garbage data of any length, success status
                byte[] garbage = new byte[random.nextInt(random.nextInt(4) == 0 ? 3_000 : 40)];
                random.nextBytes(garbage);
                return withSw(garbage, -1, random.nextBoolean() ? 0x9000 : 0x6282);
            case 8: // hostile DER header on a file that starts with one
                return hostileHeader(answer, dataLength);
            case 9: // token info garbage: right length, wrong text
                byte[] token = ScriptedJpkiCard.padded(random.nextBoolean() ? "JPKIAPICCTOKEN" : "JPKIAPICCTOKEN3", 32);
                if (random.nextBoolean()) {
                    token = Arrays.copyOf(token, random.nextInt(32));
                }
                return withSw(token, -1, 0x9000);
            case 10: // a signature-sized answer of the wrong size
                byte[] signature = new byte[random.nextBoolean() ? 255 : 257 + random.nextInt(300)];
                random.nextBytes(signature);
                return withSw(signature, -1, 0x9000);
            case 11: // empty data with success
                return ScriptedJpkiCard.sw(random.nextBoolean() ? 0x9000 : 0x6282);
            default: // 12: announce more data that never comes right
                return ScriptedJpkiCard.sw(0x6100 | random.nextInt(256));
        }
    }

    private byte[] hostileHeader(byte[] answer, int dataLength) {
        if (dataLength < 4) {
            return answer;
        }
        byte[] data = Arrays.copyOf(answer, dataLength);
        switch (random.nextInt(7)) {
            case 0 -> data[0] = (byte) random.nextInt(256); // bad tag
            case 1 -> data[1] = (byte) 0x80; // indefinite length
            case 2 -> { // huge length
                data[1] = (byte) 0x84;
                data[2] = (byte) 0xFF;
                data[3] = (byte) 0xFF;
            }
            case 3 -> { // length past the end of the file
                data[1] = (byte) 0x82;
                data[2] = (byte) 0x7F;
                data[3] = (byte) 0xFF;
            }
            case 4 -> { // three length bytes, large
                data[1] = (byte) 0x83;
                data[2] = (byte) 0x01;
            }
            case 5 -> data[1] = (byte) 0x81; // long form that disagrees with the content
            default -> data[1] = (byte) random.nextInt(0x80); // short form, far too small
        }
        return withSw(data, -1, sw(answer));
    }

    private static int sw(byte[] answer) {
        return ((answer[answer.length - 2] & 0xFF) << 8) | (answer[answer.length - 1] & 0xFF);
    }

    private static byte[] withSw(byte[] answer, int dataLength, int sw) {
        int n = dataLength < 0 ? answer.length : dataLength;
        byte[] out = Arrays.copyOf(answer, n + 2);
        out[n] = (byte) (sw >>> 8);
        out[n + 1] = (byte) sw;
        return out;
    }

    @Override
    public void close() {
        card.close();
    }
}
