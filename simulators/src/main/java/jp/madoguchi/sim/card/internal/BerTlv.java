package jp.madoguchi.sim.card.internal;

import java.io.ByteArrayOutputStream;

/** Encodes BER-TLV objects with two-byte tags and definite lengths (short, 81 or 82 form). */
public final class BerTlv {
    private BerTlv() {}

    /** {@code tag | length | value} with the shortest BER length form. */
    public static byte[] encode(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write((tag >>> 8) & 0xFF);
        out.write(tag & 0xFF);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xFF) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xFFFF) {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xFF);
        } else {
            throw new IllegalArgumentException("TLV value too long: " + length + " bytes");
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** The concatenation of already encoded TLV objects. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
