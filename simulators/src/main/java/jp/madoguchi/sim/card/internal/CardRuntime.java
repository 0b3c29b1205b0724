package jp.madoguchi.sim.card.internal;

import com.licel.jcardsim.base.Simulator;
import com.licel.jcardsim.base.SimulatorRuntime;
import java.util.function.Supplier;
import javacard.framework.AID;
import javacard.framework.Applet;

/**
 * One card's Java Card runtime inside jCardSim: its own {@link SimulatorRuntime} (never
 * jCardSim's shared default one), so that several cards live side by side in one JVM, plus access
 * to installed applet objects for the simulator's scripting hooks.
 *
 * <p>Not thread-safe: the owning card serialises every call.
 */
public final class CardRuntime extends SimulatorRuntime {
    private final Simulator simulator;

    public CardRuntime() {
        this.simulator = new Simulator(this);
    }

    /** The jCardSim engine over this runtime. */
    public Simulator simulator() {
        return simulator;
    }

    /** The applet installed under {@code aid}, or null. */
    public Applet appletAt(AID aid) {
        activateSimulatorRuntimeInstance();
        return getApplet(aid);
    }

    /**
     * Runs a plain Java call into an applet (a scripting hook) with this runtime active on the
     * calling thread, as the Java Card API inside the applet expects.
     */
    public <T> T within(Supplier<T> call) {
        activateSimulatorRuntimeInstance();
        return call.get();
    }
}
