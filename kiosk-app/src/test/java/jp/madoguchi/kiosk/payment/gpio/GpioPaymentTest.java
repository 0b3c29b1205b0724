package jp.madoguchi.kiosk.payment.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.kiosk.money.Yen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The GPIO payment devices driven through Pi4J's mock provider, pulse by pulse. */
class GpioPaymentTest {
    private final Context pi4j = Pi4J.newContextBuilder()
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
            .build();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private static void pulses(MockDigitalInput line, int count) {
        for (int i = 0; i < count; i++) {
            line.mockState(DigitalState.LOW);
            line.mockState(DigitalState.HIGH);
        }
    }

    @Test
    void pulseTrainsBecomeCoinsOnlyWhileTheAcceptorIsOpen() {
        PulseCoinAcceptor acceptor =
                new PulseCoinAcceptor(pi4j, new PulseCoinAcceptor.Wiring(17, 27, Yen.of(10), Duration.ofMillis(40)));
        MockDigitalInput signal = pi4j.registry().get("coin-signal-17", MockDigitalInput.class);
        signal.mockState(DigitalState.HIGH); // the pulled-up line idles high
        DigitalOutput inhibit = pi4j.registry().get("coin-inhibit-27", DigitalOutput.class);
        assertThat(inhibit.isHigh()).as("inhibited until a payment opens it").isTrue();

        List<Yen> coins = new CopyOnWriteArrayList<>();
        acceptor.open(coins::add);
        assertThat(inhibit.isLow()).isTrue();
        pulses(signal, 10); // a 100-yen coin
        await().atMost(Duration.ofSeconds(2)).until(() -> coins.size() == 1);
        pulses(signal, 5); // a 50-yen coin
        await().atMost(Duration.ofSeconds(2)).until(() -> coins.size() == 2);
        assertThat(coins).containsExactly(Yen.of(100), Yen.of(50));

        acceptor.inhibit();
        assertThat(acceptor.isInhibited()).isTrue();
        pulses(signal, 50); // a 500-yen coin pushed against the closed acceptor
        await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(1)).until(() -> coins.size() == 2);
        acceptor.open(coins::add);
        await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(1)).until(() -> coins.size() == 2);
        acceptor.close();
    }

    @Test
    void theHopperStopsWhenEmptyAndReportsTheCoinsThatCameOut() {
        GpioCoinHopper hopper =
                new GpioCoinHopper(pi4j, new GpioCoinHopper.Wiring(22, 23, Yen.of(100), Duration.ofMillis(100)));
        MockDigitalInput sensor = pi4j.registry().get("hopper-sensor-23", MockDigitalInput.class);
        sensor.mockState(DigitalState.HIGH); // the pulled-up sensor idles high
        DigitalOutput motor = pi4j.registry().get("hopper-motor-22", DigitalOutput.class);
        AtomicInteger stock = new AtomicInteger(2);
        // The hopper's mechanics: while the motor runs, one coin passes the sensor per step.
        motor.addListener(event -> {
            if (event.state() == DigitalState.HIGH) {
                Thread mechanics = new Thread(() -> {
                    while (motor.isHigh() && stock.get() > 0) {
                        stock.decrementAndGet();
                        pulses(sensor, 1);
                        Thread.onSpinWait();
                    }
                });
                mechanics.setDaemon(true);
                mechanics.start();
            }
        });

        assertThat(hopper.dispense(3)).isEqualTo(2);
        assertThat(hopper.isRunning()).as("motor stopped after the timeout").isFalse();
        stock.set(5);
        assertThat(hopper.dispense(3)).isEqualTo(3);
        assertThat(hopper.isRunning()).isFalse();
    }
}
