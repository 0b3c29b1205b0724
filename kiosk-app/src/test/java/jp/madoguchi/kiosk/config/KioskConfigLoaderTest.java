package jp.madoguchi.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import jp.madoguchi.kiosk.KioskErrorCode;
import jp.madoguchi.kiosk.KioskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KioskConfigLoaderTest {
    @TempDir
    Path dir;

    private final KioskConfigLoader loader = new KioskConfigLoader("/home/clerk");

    private KioskConfig load(String yaml) throws Exception {
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, yaml);
        return loader.load(file);
    }

    @Test
    void embeddedDefaultsAreAnAllSimulatedStoreKiosk() {
        KioskConfig config = loader.defaults();
        assertThat(config.kiosk().deployment()).isEqualTo(KioskConfig.Deployment.STORE);
        assertThat(config.card().source()).isEqualTo(KioskConfig.Source.SIMULATED);
        assertThat(config.center().source()).isEqualTo(KioskConfig.Source.SIMULATED);
        assertThat(config.payment().device()).isEqualTo(KioskConfig.Payment.PaymentDevice.SIMULATED);
        assertThat(config.kiosk().dataDir()).isEqualTo(Path.of("/home/clerk/.madoguchi/kiosk"));
        assertThat(config.hours().opens()).isEqualTo(LocalTime.of(6, 30));
        assertThat(config.ledger().operatorShareYen()).isEqualTo(115);
        assertThat(config.ui().languages()).startsWith("ja");
    }

    @Test
    void aFileChangesOnlyTheKeysItNames() throws Exception {
        KioskConfig config = load(
                """
                kiosk:
                  id: K0042
                payment:
                  device: GPIO
                  gpio:
                    coinPulseYen: 50
                """);
        assertThat(config.kiosk().id()).isEqualTo("K0042");
        assertThat(config.kiosk().deployment()).isEqualTo(KioskConfig.Deployment.STORE);
        assertThat(config.payment().gpio().coinPulseYen()).isEqualTo(50);
        assertThat(config.payment().gpio().coinSignalPin()).isEqualTo(17);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'payment:\n  device: CASH'                   | payment.device            | one of [SIMULATED, GPIO, COUNTER]",
                "'card:\n  reeder: x'                         | card.reeder               | unknown key",
                "'kiosk:\n  id: \"K 1\"'                      | kiosk.id                  | 1-16 letters or digits",
                "'center:\n  source: REAL\n  url: http://x'   | center.url                | https://",
                "'hours:\n  opens: \"23:30\"'                 | hours.closes              | after hours.opens",
                "'hours:\n  opens: half past six'             | hours.opens               | LocalTime",
                "'payment:\n  device: COUNTER'                | payment.device            | COUNTER only",
                "'ui:\n  languages: [ja, xx]'                 | ui.languages              | a list from",
                "'kiosk: 5'                                   | kiosk                     | a section of keys",
            })
    void badValuesNameTheKeyAndWhatWasExpected(String yaml, String key, String expected) {
        assertThatThrownBy(() -> load(yaml.replace("\\n", "\n")))
                .isInstanceOf(KioskException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(expected)
                .extracting(e -> ((KioskException) e).code())
                .isEqualTo(KioskErrorCode.CONFIGURATION_INVALID);
    }

    @Test
    void brokenYamlSaysWhere() {
        assertThatThrownBy(() -> load("kiosk:\n  id: [unclosed\n"))
                .isInstanceOf(KioskException.class)
                .hasMessageContaining("not valid YAML at line");
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"))).hasMessageContaining("does not exist");
    }
}
