package jp.madoguchi.printer.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The seal's QR modules decode to the seal text with a standard decoder, whatever mask the encoder chose. */
class SealImageTest {
    static Stream<String> sealTexts() {
        Random random = new Random(20261124L);
        return Stream.of(60, 180, 320).map(length -> {
            StringBuilder s = new StringBuilder("MDG1.");
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return s.toString();
        });
    }

    @ParameterizedTest
    @MethodSource("sealTexts")
    void sealModulesDecodeToTheSealText(String text) throws Exception {
        boolean[][] modules = SealImage.modules(text);

        assertThat(SealImage.encodes(modules, text)).isTrue();
        assertThat(new Decoder().decode(withoutQuietZone(modules)).getText()).isEqualTo(text);
    }

    private static BitMatrix withoutQuietZone(boolean[][] modules) {
        int quiet = 0;
        while (!anyDark(modules, quiet)) {
            quiet++;
        }
        int size = modules.length - 2 * quiet;
        BitMatrix matrix = new BitMatrix(size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (modules[y + quiet][x + quiet]) {
                    matrix.set(x, y);
                }
            }
        }
        return matrix;
    }

    private static boolean anyDark(boolean[][] modules, int row) {
        for (boolean dark : modules[row]) {
            if (dark) {
                return true;
            }
        }
        return false;
    }
}
