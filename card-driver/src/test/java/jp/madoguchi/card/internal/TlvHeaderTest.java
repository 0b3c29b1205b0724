package jp.madoguchi.card.internal;

import static jp.madoguchi.card.internal.JpkiSessionTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import org.junit.jupiter.api.Test;

class TlvHeaderTest {
    private final TlvHeader certificate = new TlvHeader(new byte[] {0x30}, 16 * 1024, "certificate");

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void shortAndLongLengthFormsGiveTheWholeObjectLength() {
        assertThat(certificate.totalLength(bytes(0x30, 0x05), 2)).isEqualTo(7);
        assertThat(certificate.totalLength(bytes(0x30, 0x81, 0xC8), 3)).isEqualTo(203);
        assertThat(certificate.totalLength(bytes(0x30, 0x82, 0x05, 0x3A), 4)).isEqualTo(4 + 0x53A);
    }

    @Test
    void incompleteHeaderAsksForMoreBytes() {
        assertThat(certificate.totalLength(bytes(0x30), 1)).isEqualTo(TlvHeader.INCOMPLETE);
        assertThat(certificate.totalLength(bytes(0x30, 0x82, 0x05), 3)).isEqualTo(TlvHeader.INCOMPLETE);
    }

    @Test
    void wrongTagIndefiniteAndHugeLengthsAreMalformed() {
        assertThat(code(() -> certificate.totalLength(bytes(0x31, 0x05), 2)))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
        assertThat(code(() -> certificate.totalLength(bytes(0x30, 0x80), 2)))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
        assertThat(code(() -> certificate.totalLength(bytes(0x30, 0x84, 0, 0, 1, 0), 6)))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
        assertThat(code(() -> certificate.totalLength(bytes(0x30, 0x83, 0x01, 0x00, 0x00), 5)))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
        assertThat(code(() -> certificate.totalLength(bytes(0x30, 0x82, 0xFF, 0xFF), 4)))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
    }

    @Test
    void twoByteTagsAreMatchedWhole() {
        TlvHeader attributes = BasicAttributesCodec.header();

        assertThat(attributes.totalLength(bytes(0xFF, 0x20, 0x81, 0x90), 4)).isEqualTo(4 + 0x90);
        assertThat(code(() -> attributes.totalLength(bytes(0xFF, 0x21, 0x10), 3)))
                .isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
    }

    @Test
    void randomPrefixesGiveALengthIncompleteOrMalformedNeverAnotherException() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            byte[] prefix = new byte[random.nextInt(8)];
            random.nextBytes(prefix);
            if (prefix.length > 0 && random.nextBoolean()) {
                prefix[0] = 0x30;
            }
            try {
                int total = certificate.totalLength(prefix, prefix.length);
                assertThat(total).isBetween(TlvHeader.INCOMPLETE, 16 * 1024);
                if (total != TlvHeader.INCOMPLETE) {
                    assertThat(total).isGreaterThanOrEqualTo(2);
                }
            } catch (CardException e) {
                assertThat(e.code()).isEqualTo(CardErrorCode.MALFORMED_RESPONSE);
            }
        }
    }
}
