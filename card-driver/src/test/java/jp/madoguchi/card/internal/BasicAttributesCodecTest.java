package jp.madoguchi.card.internal;

import static jp.madoguchi.card.internal.JpkiSessionTest.code;
import static jp.madoguchi.card.internal.ScriptedJpkiCard.concat;
import static jp.madoguchi.card.internal.ScriptedJpkiCard.tlv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import jp.madoguchi.card.BasicAttributes;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.Sex;
import org.junit.jupiter.api.Test;

class BasicAttributesCodecTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] file(byte[] name, byte[] address, byte[] birth, byte[] sex) {
        return tlv(
                0xFF20,
                concat(
                        tlv(0xDF21, new byte[5]),
                        tlv(0xDF22, name),
                        tlv(0xDF23, address),
                        tlv(0xDF24, birth),
                        tlv(0xDF25, sex)));
    }

    @Test
    void decodesTheFourAttributesInAnyOrderSkippingUnknownTags() {
        byte[] file = tlv(
                0xFF20,
                concat(
                        tlv(0xDF25, ascii("2")),
                        tlv(0xDF30, new byte[3]),
                        tlv(0xDF24, ascii("20000229")),
                        tlv(0xDF23, utf8("大阪府大阪市北区")),
                        tlv(0xDF22, utf8("試験 花子"))));

        BasicAttributes attributes = BasicAttributesCodec.decode(file);

        assertThat(attributes.name()).isEqualTo("試験 花子");
        assertThat(attributes.address()).isEqualTo("大阪府大阪市北区");
        assertThat(attributes.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(attributes.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void readsOneAndTwoByteLongLengthForms() {
        byte[] longAddress = utf8("あ".repeat(100)); // 300 bytes: 82 form, outer too
        byte[] name = utf8("い".repeat(50)); // 150 bytes: 81 form

        BasicAttributes attributes =
                BasicAttributesCodec.decode(file(name, longAddress, ascii("19991231"), ascii("9")));

        assertThat(attributes.address()).hasSize(100);
        assertThat(attributes.name()).hasSize(50);
        assertThat(attributes.sex()).isEqualTo(Sex.NOT_APPLICABLE);
    }

    @Test
    void badContentIsMalformed() {
        byte[] name = utf8("名前");
        byte[] address = utf8("住所");
        assertThat(code(() -> BasicAttributesCodec.decode(file(name, address, ascii("19990230"), ascii("1")))))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
        assertThat(code(() -> BasicAttributesCodec.decode(file(name, address, ascii("1999123"), ascii("1")))))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
        assertThat(code(() -> BasicAttributesCodec.decode(file(name, address, ascii("19991231"), ascii("4")))))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
        assertThat(code(() -> BasicAttributesCodec.decode(
                        file(new byte[] {(byte) 0xC3, 0x28}, address, ascii("19991231"), ascii("1")))))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
        assertThat(code(() -> BasicAttributesCodec.decode(tlv(0xFF20, tlv(0xDF22, name)))))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
        assertThat(code(() -> BasicAttributesCodec.decode(new byte[] {(byte) 0xFF, 0x20, (byte) 0x83, 0, 0, 1})))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
    }

    @Test
    void randomFilesDecodeOrFailAsMalformedNeverAnotherException() {
        Random random = new Random(7);
        byte[] valid = ScriptedJpkiCard.basicAttributes();
        for (int i = 0; i < 100_000; i++) {
            byte[] file;
            if (random.nextBoolean()) {
                file = valid.clone();
                for (int j = 0, n = 1 + random.nextInt(3); j < n; j++) {
                    file[random.nextInt(file.length)] = (byte) random.nextInt(256);
                }
            } else {
                file = new byte[random.nextInt(64)];
                random.nextBytes(file);
            }
            try {
                assertThat(BasicAttributesCodec.decode(file)).isNotNull();
            } catch (CardException e) {
                assertThat(e.code()).isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
            }
        }
    }
}
