package jp.madoguchi.kiosk.hwcheck;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.madoguchi.kiosk.config.KioskConfig;

/**
 * The GPIO lines of the coin acceptor and the hopper (Pi4J): the two input lines (coin pulses,
 * hopper coin sensor) can be read, and their levels. Output lines (coin inhibit, hopper motor) are
 * not touched: driving a hopper motor from a smoke test would pay out coins. On a machine that is
 * not a Raspberry Pi there is no GPIO, which fails only when the payment device is GPIO.
 */
public final class GpioLinesCheck implements HardwareCheck {
    static final String DEVICE = "GPIO";

    private final KioskConfig.Payment payment;
    private final Optional<String> board;
    private final Supplier<Context> pi4j;

    /**
     * @param payment the configured payment device and its wiring
     * @param board the Raspberry Pi model, empty on another machine ({@link #raspberryPiModel()})
     * @param pi4j opens a Pi4J context with GPIO providers (only called on a Raspberry Pi); closed here
     */
    public GpioLinesCheck(KioskConfig.Payment payment, Optional<String> board, Supplier<Context> pi4j) {
        this.payment = payment;
        this.board = board;
        this.pi4j = pi4j;
    }

    /** The board model from the device tree when it is a Raspberry Pi; empty otherwise. */
    public static Optional<String> raspberryPiModel() {
        try {
            String model = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/device-tree/model"))
                    .replace("\0", "")
                    .strip();
            return model.startsWith("Raspberry Pi") ? Optional.of(model) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String device() {
        return DEVICE;
    }

    @Override
    public CheckResult run() {
        boolean used = payment.device() == KioskConfig.Payment.PaymentDevice.GPIO;
        if (board.isEmpty()) {
            String why = "no GPIO: this machine is not a Raspberry Pi";
            return used
                    ? CheckResult.fail(DEVICE, why + ", but payment.device is GPIO: use SIMULATED or COUNTER here")
                    : CheckResult.notUsed(DEVICE, why + " (payment.device " + payment.device() + ")");
        }
        if (!used) {
            return CheckResult.notUsed(DEVICE, board.get() + ": payment.device is " + payment.device());
        }
        KioskConfig.Payment.Gpio wiring = payment.gpio();
        Context context;
        try {
            context = pi4j.get();
        } catch (RuntimeException e) {
            return CheckResult.fail(
                    DEVICE,
                    board.get() + ": Pi4J cannot open GPIO (" + e.getMessage()
                            + "): is the user in group gpio, and /dev/gpiochip0 present?");
        }
        try {
            List<String> levels = new ArrayList<>();
            levels.add(read(context, "coin-signal", wiring.coinSignalPin()));
            levels.add(read(context, "hopper-sensor", wiring.hopperSensorPin()));
            return CheckResult.pass(
                    DEVICE,
                    board.get() + ": " + String.join(", ", levels) + "; outputs BCM " + wiring.coinInhibitPin() + ", "
                            + wiring.hopperMotorPin() + " not driven");
        } catch (RuntimeException e) {
            return CheckResult.fail(
                    DEVICE,
                    board.get() + ": reading a line failed (" + e.getMessage()
                            + "): check the BCM pin numbers under payment.gpio");
        } finally {
            context.shutdown();
        }
    }

    private static String read(Context context, String name, int bcm) {
        DigitalInput line = context.create(DigitalInput.newConfigBuilder(context)
                .id("hw-check-" + name + "-" + bcm)
                .address(bcm)
                .pull(PullResistance.PULL_UP)
                .build());
        try {
            return name + " BCM " + bcm + " " + line.state().name().toLowerCase(java.util.Locale.ROOT);
        } finally {
            context.shutdown(line.id());
        }
    }
}
