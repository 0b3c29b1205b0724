package jp.madoguchi.sim.card.smartcardio;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import javax.smartcardio.TerminalFactorySpi;
import jp.madoguchi.sim.card.CardSimException;
import jp.madoguchi.sim.card.CardSlot;

/**
 * The in-process adapter: card slots as {@code javax.smartcardio} terminals, for unit tests and
 * the embedded demo. Behaves like the JDK's PC/SC provider where a client can tell: {@code
 * list()}, {@code waitForChange} (blocks, no polling), {@code connect("*" | "T=1")} returning the
 * same {@code Card} while it is connected, {@code beginExclusive}, {@code disconnect(reset)}, and
 * a removed card makes {@code transmit} throw {@code CardException}. The factory is not registered
 * with the JVM's security providers: pass it where a {@link TerminalFactory} is wanted.
 *
 * <pre>{@code
 * CardSlot slot = new CardSlot("Simulated Reader 0");
 * slot.insert(issuer.issue(holder));
 * TerminalFactory factory = SimulatedTerminals.of(slot).terminalFactory();
 * }</pre>
 */
public final class SimulatedTerminals {
    /** The {@link TerminalFactory#getType()} of the factory. */
    public static final String TYPE = "MadoguchiSimulatedCard";

    private final List<SlotTerminal> terminals;

    private SimulatedTerminals(List<SlotTerminal> terminals) {
        this.terminals = terminals;
    }

    /** Terminals for these slots, in this order; names must differ. */
    public static SimulatedTerminals of(CardSlot... slots) {
        return of(List.of(slots));
    }

    /** Terminals for these slots, in this order; names must differ. */
    public static SimulatedTerminals of(List<CardSlot> slots) {
        List<SlotTerminal> terminals = new ArrayList<>();
        for (CardSlot slot : slots) {
            Objects.requireNonNull(slot, "slot");
            for (SlotTerminal existing : terminals) {
                if (existing.getName().equals(slot.name())) {
                    throw new CardSimException(
                            CardSimException.Code.INVALID_INPUT, "two slots are called '" + slot.name() + "'");
                }
            }
            terminals.add(new SlotTerminal(slot));
        }
        return new SimulatedTerminals(List.copyOf(terminals));
    }

    /**
     * A new view of the terminals with its own {@code waitForChange} state, as {@link
     * TerminalFactory#terminals()} gives one.
     */
    public CardTerminals terminals() {
        return new SlotTerminals(terminals);
    }

    /** A {@link TerminalFactory} over these terminals. */
    public TerminalFactory terminalFactory() {
        try {
            return TerminalFactory.getInstance(TYPE, null, new SimulatorProvider(this));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the simulator's own provider lacks its factory", e);
        }
    }

    /** A provider that only this adapter uses; never installed in the JVM's provider list. */
    private static final class SimulatorProvider extends Provider {
        private static final long serialVersionUID = 1L;

        SimulatorProvider(SimulatedTerminals terminals) {
            super("MadoguchiCardSimulator", "1.0", "Madoguchi simulated My Number card terminals");
            putService(new Service(this, "TerminalFactory", TYPE, FactorySpi.class.getName(), null, null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return new FactorySpi(terminals);
                }
            });
        }
    }

    private static final class FactorySpi extends TerminalFactorySpi {
        private final SimulatedTerminals terminals;

        FactorySpi(SimulatedTerminals terminals) {
            this.terminals = terminals;
        }

        @Override
        protected CardTerminals engineTerminals() {
            return terminals.terminals();
        }
    }
}
