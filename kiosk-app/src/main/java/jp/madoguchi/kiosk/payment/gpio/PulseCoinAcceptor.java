package jp.madoguchi.kiosk.payment.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.payment.CashAcceptor;

/**
 * A pulse coin acceptor (CH-926 style): for each coin it sends a train of pulses on its signal
 * line, {@code coin value / pulse value} pulses, and a coin is complete when the line stays quiet
 * for the gap time. The inhibit line is held active whenever the kiosk is not collecting, so the
 * acceptor rejects coins by itself.
 */
public final class PulseCoinAcceptor implements CashAcceptor {
    private final DigitalInput signal;
    private final DigitalOutput inhibit;
    private final Yen pulseValue;
    private final Duration gap;
    private final ScheduledExecutorService timer;
    private final DigitalStateChangeListener pulseListener;
    private Consumer<Yen> accepted;
    private int pulses;
    private boolean inhibited = true;
    private ScheduledFuture<?> coinEnd;

    /** Wiring: BCM pin numbers of the pulse signal and the inhibit line; the pulse's yen value. */
    public record Wiring(int signalPin, int inhibitPin, Yen pulseValue, Duration gap) {}

    public PulseCoinAcceptor(Context pi4j, Wiring wiring) {
        this.pulseValue = wiring.pulseValue();
        this.gap = wiring.gap();
        this.signal = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id("coin-signal-" + wiring.signalPin())
                .address(wiring.signalPin())
                .pull(PullResistance.PULL_UP)
                .build());
        this.inhibit = pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id("coin-inhibit-" + wiring.inhibitPin())
                .address(wiring.inhibitPin())
                .initial(DigitalState.HIGH)
                .shutdown(DigitalState.HIGH)
                .build());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "coin-acceptor");
            thread.setDaemon(true);
            return thread;
        });
        this.pulseListener = event -> {
            // The signal is pulled up: a pulse is a LOW level; count falling edges.
            if (event.state() == DigitalState.LOW) {
                pulse();
            }
        };
        signal.addListener(pulseListener);
    }

    private synchronized void pulse() {
        if (inhibited && pulses == 0) {
            return; // a coin that starts while inhibited is rejected by the acceptor
        }
        pulses++;
        if (coinEnd != null) {
            coinEnd.cancel(false);
        }
        coinEnd = timer.schedule(this::coinComplete, gap.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void coinComplete() {
        Consumer<Yen> target;
        Yen value;
        synchronized (this) {
            value = pulseValue.times(pulses);
            pulses = 0;
            coinEnd = null;
            target = accepted;
            if (inhibited) {
                accepted = null;
            }
        }
        // A coin that arrived while inhibited was physically returned; nothing to report.
        if (target != null && !value.isZero()) {
            target.accept(value);
        }
    }

    @Override
    public synchronized void open(Consumer<Yen> accepted) {
        this.accepted = accepted;
        this.inhibited = false;
        inhibit.low();
    }

    @Override
    public synchronized void inhibit() {
        inhibit.high();
        inhibited = true;
        // A coin whose pulses are still arriving went in before the line closed: it is reported
        // when complete, then the listener is dropped; with none in flight, drop it now.
        if (pulses == 0) {
            accepted = null;
        }
    }

    /** True while the inhibit line blocks coins. */
    public boolean isInhibited() {
        return inhibit.isHigh();
    }

    @Override
    public void close() {
        inhibit();
        signal.removeListener(pulseListener);
        timer.shutdownNow();
    }
}
