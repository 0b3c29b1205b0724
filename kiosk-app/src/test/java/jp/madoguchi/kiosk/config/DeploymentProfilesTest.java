package jp.madoguchi.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.madoguchi.kiosk.KioskErrorCode;
import jp.madoguchi.kiosk.KioskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deployment profiles: the documented examples load, and wrong combinations name their key. */
class DeploymentProfilesTest {
    /** docs/deployments, seen from the kiosk-app module (Maven runs tests in the module directory). */
    private static final Path EXAMPLES = Path.of("..", "docs", "deployments");

    @TempDir
    Path dir;

    private final KioskConfigLoader loader = new KioskConfigLoader("/home/clerk");

    private KioskConfig load(String yaml) throws Exception {
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, yaml);
        return loader.load(file);
    }

    @Test
    void theDocumentedStoreCounterAndSelfServiceExamplesLoad() {
        KioskConfig store = loader.load(EXAMPLES.resolve("store.yaml"));
        assertThat(store.kiosk().deployment()).isEqualTo(KioskConfig.Deployment.STORE);
        assertThat(store.payment().device()).isEqualTo(KioskConfig.Payment.PaymentDevice.GPIO);
        assertThat(store.clerk().keySwitchPin()).isEqualTo(24);

        KioskConfig counter = loader.load(EXAMPLES.resolve("counter.yaml"));
        assertThat(counter.kiosk().deployment()).isEqualTo(KioskConfig.Deployment.COUNTER);
        assertThat(counter.payment().device()).isEqualTo(KioskConfig.Payment.PaymentDevice.COUNTER);
        assertThat(counter.counter().window()).isEqualTo("市民課 2番窓口");
        assertThat(counter.counter().ticketPrefix()).isEqualTo("B");
        assertThat(counter.printers().certificateUri()).startsWith("ipp://backoffice");

        KioskConfig selfService = loader.load(EXAMPLES.resolve("self-service.yaml"));
        assertThat(selfService.kiosk().deployment()).isEqualTo(KioskConfig.Deployment.SELF_SERVICE);
        assertThat(selfService.ui().languages()).containsExactly("ja", "en", "pt", "vi");
        assertThat(selfService.hours().opens()).hasToString("09:00");

        KioskConfig simulated = loader.load(EXAMPLES.resolve("simulated-counter.yaml"));
        assertThat(simulated.kiosk().deployment()).isEqualTo(KioskConfig.Deployment.COUNTER);
        assertThat(simulated.card().source()).isEqualTo(KioskConfig.Source.SIMULATED);
    }

    @Test
    void theDefaultIsAStoreWithClerkAndCounterDefaults() {
        KioskConfig defaults = loader.defaults();
        assertThat(defaults.kiosk().deployment()).isEqualTo(KioskConfig.Deployment.STORE);
        assertThat(defaults.clerk()).isEqualTo(KioskConfig.Clerk.DEFAULTS);
        assertThat(defaults.counter()).isEqualTo(KioskConfig.Counter.DEFAULTS);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            kiosk: {deployment: COUNTER}                                   | payment.device         | COUNTER with kiosk.deployment: COUNTER
            payment: {device: COUNTER}                                     | payment.device         | COUNTER only with kiosk.deployment: COUNTER
            kiosk: {deployment: POST_OFFICE}                               | kiosk.deployment       | one of [STORE, COUNTER, SELF_SERVICE]
            counter: {ticketPrefix: AB}                                    | counter.ticketPrefix   | one capital letter A-Z
            counter: {paymentWaitMinutes: 0}                               | counter.paymentWaitMinutes | 1 to 60
            counter: {window: ""}                                          | counter.window         | 1 to 20 characters
            counter: {windw: 2番}                                          | counter.windw          | one of paymentWaitMinutes, ticketPrefix, window
            clerk: {maxPinFailures: 0}                                     | clerk.maxPinFailures   | 1 to 10
            clerk: {keySwitchPin: 40}                                      | clerk.keySwitchPin     | 0 (no key switch) or a BCM pin number 2 to 27
            payment: {device: GPIO}\\nclerk: {keySwitchPin: 17}             | clerk.keySwitchPin     | a pin not used by payment.gpio
            clerk: {lockoutMinutes: soon}                                  | clerk.lockoutMinutes   | int
            """)
    void wrongProfileSettingsNameTheKeyAndWhatWasExpected(String yaml, String key, String expected) {
        assertThatThrownBy(() -> load(yaml.replace("\\n", "\n")))
                .isInstanceOf(KioskException.class)
                .satisfies(e -> assertThat(((KioskException) e).code()).isEqualTo(KioskErrorCode.CONFIGURATION_INVALID))
                .hasMessageContaining("key '" + key + "'")
                .hasMessageContaining(expected);
    }
}
