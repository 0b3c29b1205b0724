package jp.madoguchi.card.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import jp.madoguchi.card.BasicAttributes;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.Sex;

/**
 * Decodes EF 0002 of the card-info AP: {@code FF20 L { DF21 header, DF22 name, DF23 address, DF24
 * birth date YYYYMMDD, DF25 sex }}, BER lengths in the forms {@code L}, {@code 81 L}, {@code 82 LL}.
 * Unknown inner tags are skipped; the order of the known ones does not matter.
 */
final class BasicAttributesCodec {
    static final byte[] OUTER_TAG = {(byte) 0xFF, 0x20};
    static final int MAX_LENGTH = 4096;

    private static final int NAME = 0xDF22;
    private static final int ADDRESS = 0xDF23;
    private static final int BIRTH_DATE = 0xDF24;
    private static final int SEX = 0xDF25;
    private static final DateTimeFormatter YYYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private BasicAttributesCodec() {}

    static TlvHeader header() {
        return new TlvHeader(OUTER_TAG, MAX_LENGTH, "basic attributes file");
    }

    static BasicAttributes decode(byte[] file) {
        Cursor outer = new Cursor(file, 0, file.length);
        int tag = outer.tag();
        if (tag != 0xFF20) {
            throw malformed("does not start with tag FF20");
        }
        int length = outer.length();
        Cursor inner = new Cursor(file, outer.position, outer.position + length);
        String name = null;
        String address = null;
        LocalDate birthDate = null;
        Sex sex = null;
        while (inner.position < inner.end) {
            int innerTag = inner.tag();
            int innerLength = inner.length();
            int start = inner.position;
            inner.position += innerLength;
            switch (innerTag) {
                case NAME -> name = utf8(file, start, innerLength, "name");
                case ADDRESS -> address = utf8(file, start, innerLength, "address");
                case BIRTH_DATE -> birthDate = birthDate(file, start, innerLength);
                case SEX -> sex = sex(file, start, innerLength);
                default -> {
                    // DF21 (a header of offsets) and anything newer: not needed.
                }
            }
        }
        if (name == null || address == null || birthDate == null || sex == null) {
            throw malformed("lacks one of name, address, birth date and sex");
        }
        return new BasicAttributes(name, address, birthDate, sex);
    }

    private static String utf8(byte[] bytes, int start, int length, String what) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("holds a " + what + " that is not UTF-8");
        }
    }

    private static LocalDate birthDate(byte[] bytes, int start, int length) {
        if (length != 8) {
            throw malformed("holds a birth date that is not 8 digits");
        }
        String text = new String(bytes, start, length, StandardCharsets.US_ASCII);
        try {
            return LocalDate.parse(text, YYYYMMDD);
        } catch (DateTimeException e) {
            throw malformed("holds a birth date that is not a valid YYYYMMDD date");
        }
    }

    private static Sex sex(byte[] bytes, int start, int length) {
        if (length == 1) {
            for (Sex sex : Sex.values()) {
                if (sex.code() == bytes[start]) {
                    return sex;
                }
            }
        }
        throw malformed("holds a sex code other than 1, 2, 3 or 9");
    }

    private static CardException malformed(String problem) {
        return new CardException(
                CardErrorCode.MALFORMED_RESPONSE,
                "the basic attributes file on the card " + problem + "; the card may be damaged: try another card");
    }

    /** A bounded read position over the file: every step checks it stays inside its parent. */
    private static final class Cursor {
        private final byte[] bytes;
        private final int end;
        private int position;

        Cursor(byte[] bytes, int position, int end) {
            this.bytes = bytes;
            this.position = position;
            this.end = end;
        }

        private int next() {
            if (position >= end) {
                throw malformed("ends inside a TLV header");
            }
            return bytes[position++] & 0xFF;
        }

        /** One- or two-byte tags (a first byte with all five low bits set announces a second). */
        int tag() {
            int first = next();
            if ((first & 0x1F) != 0x1F) {
                return first;
            }
            int second = next();
            if ((second & 0x80) != 0) {
                throw malformed("uses a tag longer than two bytes");
            }
            return (first << 8) | second;
        }

        int length() {
            int first = next();
            int length;
            if (first < 0x80) {
                length = first;
            } else if (first == 0x81) {
                length = next();
            } else if (first == 0x82) {
                length = (next() << 8) | next();
            } else {
                throw malformed("uses an unsupported BER length form");
            }
            if (length > end - position) {
                throw malformed("declares a length past the end of its data");
            }
            return length;
        }
    }
}
