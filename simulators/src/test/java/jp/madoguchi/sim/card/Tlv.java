package jp.madoguchi.sim.card;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A BER-TLV object with a two-byte tag, parsed independently of the simulator's encoder. */
record Tlv(int tag, byte[] value, int end) {

    static Tlv parse(byte[] data, int offset) {
        int tag = ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
        int first = data[offset + 2] & 0xFF;
        int length;
        int start;
        if (first < 0x80) {
            length = first;
            start = offset + 3;
        } else if (first == 0x81) {
            length = data[offset + 3] & 0xFF;
            start = offset + 4;
        } else if (first == 0x82) {
            length = ((data[offset + 3] & 0xFF) << 8) | (data[offset + 4] & 0xFF);
            start = offset + 5;
        } else {
            throw new IllegalArgumentException("unexpected length byte " + first);
        }
        return new Tlv(tag, Arrays.copyOfRange(data, start, start + length), start + length);
    }

    static List<Tlv> parseAll(byte[] data) {
        List<Tlv> list = new ArrayList<>();
        int offset = 0;
        while (offset < data.length) {
            Tlv tlv = parse(data, offset);
            list.add(tlv);
            offset = tlv.end();
        }
        return list;
    }

    String text() {
        return new String(value, StandardCharsets.UTF_8);
    }
}
