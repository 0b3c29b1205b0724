package jp.madoguchi.sim.card;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javacard.framework.AID;
import jp.madoguchi.sim.card.applet.DefaultSelectedApplet;
import jp.madoguchi.sim.card.applet.MyNumberApplet;
import jp.madoguchi.sim.card.internal.CardLayout;
import jp.madoguchi.sim.card.internal.CardRuntime;
import jp.madoguchi.sim.card.internal.CommandShape;
import jp.madoguchi.sim.card.internal.Personaliser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated smart card: a jCardSim runtime holding the card's applets, its ATR, and the
 * faults a test can script. A card issued by {@link CardIssuer} is a My Number card (JPKI AP and
 * card-info AP); {@link #foreign()} is any other card. Put a card into a {@link CardSlot} to use
 * it through an adapter (in-process {@code javax.smartcardio} or vpcd); both adapters see the same
 * behaviour, faults included.
 *
 * <p>Driving methods, in the style of a test double that is a real product:
 *
 * <pre>{@code
 * card.setAuthPinTriesLeft(1);          // one try left
 * card.lockAuthPin();                   // 0 tries: VERIFY answers 6983
 * card.setLatency(Duration.ofMillis(200)); // every APDU takes 200 ms more
 * card.mute();                          // APDUs block until unmute() or removal
 * }</pre>
 *
 * The retry counters live in the card like a real card's EEPROM: they survive resets and
 * removal, not a new card. Thread-safe: the card answers one APDU at a time.
 */
public final class SimulatedCard {
    private static final Logger log = LoggerFactory.getLogger(SimulatedCard.class);
    private static final byte[] SW_WRONG_LENGTH = {0x67, 0x00};
    private static final byte[] SW_NO_PRECISE_DIAGNOSIS = {0x6F, 0x00};

    private final String label;
    private final String residentId;
    private final byte[] atr;
    private final CardRuntime runtime;
    private final X509Certificate authCertificate;
    private final X509Certificate signingCertificate;
    private final AtomicReference<CardSlot> slot = new AtomicReference<>();

    // guarded by this
    private Duration latency = Duration.ZERO;
    private boolean muted;
    private boolean powered;

    SimulatedCard(
            String label,
            String residentId,
            byte[] atr,
            CardRuntime runtime,
            X509Certificate authCertificate,
            X509Certificate signingCertificate) {
        this.label = label;
        this.residentId = residentId;
        this.atr = atr.clone();
        this.runtime = runtime;
        this.authCertificate = authCertificate;
        this.signingCertificate = signingCertificate;
    }

    /**
     * A card that is not a My Number card: its own ATR ({@code 3B 8A 01 "FOREIGN-JC" TCK}) and
     * no JPKI or card-info AP, so SELECT of the JPKI AP answers 6A82.
     */
    public static SimulatedCard foreign() {
        CardRuntime runtime = new CardRuntime();
        Personaliser.install(runtime, DefaultSelectedApplet.class, CardLayout.DEFAULT_AID);
        return new SimulatedCard("foreign card", null, CardLayout.FOREIGN_ATR, runtime, null, null);
    }

    /** The contact ATR of a My Number card: {@code 3B C5 FF 81 31 FB 45 80 73 C6 01 00 00}. */
    public static byte[] myNumberAtr() {
        return CardLayout.MY_NUMBER_CONTACT_ATR.clone();
    }

    /** The resident the card was issued to; empty for a foreign card. */
    public Optional<String> residentId() {
        return Optional.ofNullable(residentId);
    }

    /** True for a My Number card (JPKI AP present). */
    public boolean isMyNumberCard() {
        return authCertificate != null;
    }

    /** The card's answer to reset. */
    public byte[] atr() {
        return atr.clone();
    }

    /** The ATR as upper-case hex without spaces. */
    public String atrHex() {
        return HexFormat.of().withUpperCase().formatHex(atr);
    }

    /** The user-authentication certificate in EF 000A. */
    public X509Certificate authCertificate() {
        return requireMyNumber(authCertificate);
    }

    /** The signing certificate in EF 0001. */
    public X509Certificate signingCertificate() {
        return requireMyNumber(signingCertificate);
    }

    /** Tries left of {@code pin} now. */
    public synchronized int triesLeft(CardPin pin) {
        return runtime.within(() -> (int) applet(pin).triesLeft((short) pin.fileId()));
    }

    /**
     * Sets the retry counter of {@code pin} to {@code tries} (0 locks it; {@link
     * CardPin#maxTries()} is a fresh counter), as if earlier wrong entries or a correct one had
     * brought it there. The PIN's verified state ends.
     */
    public synchronized void setTriesLeft(CardPin pin, int tries) {
        Objects.requireNonNull(pin, "pin");
        if (tries < 0 || tries > pin.maxTries()) {
            throw new CardSimException(
                    CardSimException.Code.INVALID_INPUT,
                    pin + " takes 0.." + pin.maxTries() + " tries left (got " + tries + ")");
        }
        boolean done = runtime.within(() -> applet(pin).adjustTriesLeft((short) pin.fileId(), (byte) tries));
        if (!done) {
            throw new IllegalStateException("the applet refused to set " + pin + " tries (simulator bug)");
        }
        log.debug("card {}: {} tries left set to {}", label, pin, tries);
    }

    /** Sets the auth PIN's tries left (0..3). */
    public void setAuthPinTriesLeft(int tries) {
        setTriesLeft(CardPin.AUTH_PIN, tries);
    }

    /** Locks {@code pin}: VERIFY answers 6983 and an empty VERIFY 63C0. */
    public void lock(CardPin pin) {
        setTriesLeft(pin, 0);
    }

    /** Locks the auth PIN, as three wrong entries would. */
    public void lockAuthPin() {
        lock(CardPin.AUTH_PIN);
    }

    /** Extra time every APDU takes from now on (zero for none). */
    public synchronized void setLatency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new CardSimException(CardSimException.Code.INVALID_INPUT, "latency must not be negative");
        }
        this.latency = latency;
        notifyAll();
    }

    public synchronized Duration latency() {
        return latency;
    }

    /**
     * The card stops answering: every APDU from now on waits until {@link #unmute()} (then it is
     * answered) or until the card is removed (then it fails as a removed card does). The ATR is
     * still there: the reader still sees a card.
     */
    public synchronized void mute() {
        muted = true;
        log.debug("card {}: muted", label);
    }

    /** The card answers again, including an APDU that is waiting. */
    public synchronized void unmute() {
        muted = false;
        notifyAll();
        log.debug("card {}: unmuted", label);
    }

    public synchronized boolean muted() {
        return muted;
    }

    @Override
    public String toString() {
        return "SimulatedCard[" + label + "]";
    }

    // ---- engine, used through CardSlot and CardContact ----

    AtomicReference<CardSlot> slotHolder() {
        return slot;
    }

    /** Power on (from off) or warm reset: transient state is gone, no AP is selected. */
    synchronized void reset() {
        runtime.simulator().reset();
        runtime.simulator()
                .selectApplet(new AID(CardLayout.DEFAULT_AID, (short) 0, (byte) CardLayout.DEFAULT_AID.length));
        powered = true;
    }

    /** Powers the card on if it is off; a powered card keeps its session. */
    synchronized void powerOn() {
        if (!powered) {
            reset();
        }
    }

    /** Power off: transient state (selection, verified PINs) is gone. */
    synchronized void powerOff() {
        if (powered) {
            runtime.simulator().reset();
            powered = false;
        }
    }

    /** Wakes a waiting {@link #exchange} so that it notices a removal. */
    synchronized void wakeWaiters() {
        notifyAll();
    }

    /**
     * Answers one command APDU, after the scripted latency and while not muted; fails with
     * {@link CardSimException.Code#CARD_REMOVED} when {@code contact} is no longer inserted.
     */
    synchronized byte[] exchange(byte[] command, CardContact contact) {
        long deadline = System.nanoTime() + latency.toNanos();
        try {
            while (true) {
                if (!contact.inserted()) {
                    throw new CardSimException(CardSimException.Code.CARD_REMOVED, "the card was removed");
                }
                if (muted) {
                    wait();
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardSimException(CardSimException.Code.INTERRUPTED, "interrupted while the card was working");
        }
        if (!powered) {
            reset();
        }
        Optional<CommandShape> shape = CommandShape.of(command);
        if (shape.isEmpty() || !shape.get().fitsJavaCard()) {
            return SW_WRONG_LENGTH.clone();
        }
        byte[] forApplet = shape.get().forJavaCard(command);
        try {
            return runtime.simulator().transmitCommand(forApplet);
        } catch (RuntimeException e) {
            // jCardSim throws where a card would answer; a card never throws at its reader.
            log.warn(
                    "card {}: runtime failed on INS {} ({}); answering 6F00",
                    label,
                    String.format("%02X", command[1] & 0xFF),
                    e.getClass().getSimpleName());
            return SW_NO_PRECISE_DIAGNOSIS.clone();
        } finally {
            if (forApplet != command) {
                Arrays.fill(forApplet, (byte) 0);
            }
        }
    }

    private MyNumberApplet applet(CardPin pin) {
        requireMyNumber(authCertificate);
        byte[] aid = pin.inJpkiAp() ? CardLayout.JPKI_AID : CardLayout.CARD_INFO_AID;
        return (MyNumberApplet) runtime.appletAt(new AID(aid, (short) 0, (byte) aid.length));
    }

    private <T> T requireMyNumber(T value) {
        if (value == null) {
            throw new CardSimException(
                    CardSimException.Code.INVALID_INPUT,
                    "the " + label + " is not a My Number card: it has no JPKI AP");
        }
        return value;
    }
}
