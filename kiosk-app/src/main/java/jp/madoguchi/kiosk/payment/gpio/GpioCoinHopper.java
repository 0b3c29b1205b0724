package jp.madoguchi.kiosk.payment.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.payment.CoinHopper;

/**
 * A coin hopper on GPIO: the motor line runs the hopper, the coin-out sensor pulses once per
 * coin. If no coin comes out within the timeout the hopper is empty (or jammed): the motor stops
 * and the coins paid so far are reported, so the rest becomes a refund voucher.
 */
public final class GpioCoinHopper implements CoinHopper {
    private final Yen denomination;
    private final DigitalOutput motor;
    private final DigitalInput coinOut;
    private final Duration coinTimeout;
    private final Semaphore coins = new Semaphore(0);
    private final DigitalStateChangeListener sensor;

    /** Wiring: BCM pins of the motor and the coin-out sensor, the coin value, the per-coin timeout. */
    public record Wiring(int motorPin, int coinOutPin, Yen denomination, Duration coinTimeout) {}

    public GpioCoinHopper(Context pi4j, Wiring wiring) {
        this.denomination = wiring.denomination();
        this.coinTimeout = wiring.coinTimeout();
        this.motor = pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id("hopper-motor-" + wiring.motorPin())
                .address(wiring.motorPin())
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW)
                .build());
        this.coinOut = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id("hopper-sensor-" + wiring.coinOutPin())
                .address(wiring.coinOutPin())
                .pull(PullResistance.PULL_UP)
                .build());
        this.sensor = event -> {
            if (event.state() == DigitalState.LOW) {
                coins.release();
            }
        };
        coinOut.addListener(sensor);
    }

    @Override
    public Yen denomination() {
        return denomination;
    }

    @Override
    public synchronized int dispense(int wanted) {
        coins.drainPermits();
        int out = 0;
        motor.high();
        try {
            while (out < wanted && coins.tryAcquire(coinTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                out++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            motor.low();
        }
        return out;
    }

    /** True while the motor runs (for diagnostics and tests). */
    public boolean isRunning() {
        return motor.isHigh();
    }
}
