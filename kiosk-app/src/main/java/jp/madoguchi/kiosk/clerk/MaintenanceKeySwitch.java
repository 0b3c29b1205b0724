package jp.madoguchi.kiosk.clerk;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.function.Consumer;

/**
 * The maintenance key switch inside the kiosk's door, on one GPIO input (BCM numbering). The
 * switch closes to ground when the key is turned, so with the pull-up the line reads LOW while
 * the key is on. Reports each change to its listener.
 */
public final class MaintenanceKeySwitch implements AutoCloseable {
    private final DigitalInput line;
    private final DigitalStateChangeListener listener;

    /** Watches BCM pin {@code pin}; {@code turned} hears true when the key is turned on, false when off. */
    public MaintenanceKeySwitch(Context pi4j, int pin, Consumer<Boolean> turned) {
        this.line = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id("maintenance-key-" + pin)
                .address(pin)
                .pull(PullResistance.PULL_UP)
                .build());
        this.listener = event -> turned.accept(event.state() == DigitalState.LOW);
        line.addListener(listener);
    }

    /** True while the key is turned on. */
    public boolean isTurned() {
        return line.state() == DigitalState.LOW;
    }

    @Override
    public void close() {
        line.removeListener(listener);
    }
}
