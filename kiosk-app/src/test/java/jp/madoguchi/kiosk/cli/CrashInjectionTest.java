package jp.madoguchi.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.madoguchi.kiosk.cli.BenchCrashChildCommand.Scenario;
import jp.madoguchi.kiosk.cli.BenchCrashInjection.CrashPoint;
import jp.madoguchi.kiosk.cli.BenchCrashInjection.PointResult;
import org.junit.jupiter.api.Test;

/**
 * Kills a real engine process (a child JVM, SIGKILL) right after chosen journal records and
 * recovers it in a fresh process: the full sweep over every record is {@code kiosk bench
 * --crash-injection}; this test takes the two points where money and paper are most at stake.
 */
class CrashInjectionTest {
    @Test
    void anEngineKilledAfterPaymentOrAfterThePrintedCopyRecoversWithMoneyAndIdentityIntact() throws Exception {
        List<CrashPoint> points = List.of(
                // paid, documents not yet asked for: the whole fee comes back on a voucher, nothing issued
                new CrashPoint(Scenario.ONE_COPY, 8, "PAID"),
                // the copy is out, the change not yet paid: the copy stays earned, the change is owed
                new CrashPoint(Scenario.ONE_COPY, 13, "copy-printed"));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        BenchCrashInjection drill = new BenchCrashInjection(
                false,
                new PrintStream(text, true, StandardCharsets.UTF_8),
                System.getProperty("java.class.path"),
                points);

        List<PointResult> results = drill.run();

        assertThat(results).hasSize(2);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.killed()).as(r.point().name() + ": " + r.detail()).isTrue();
            assertThat(r.moneyConserved())
                    .as(r.point().name() + ": " + r.detail())
                    .isTrue();
            assertThat(r.identityIntact())
                    .as(r.point().name() + ": " + r.detail())
                    .isTrue();
        });
    }
}
