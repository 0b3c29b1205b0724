package jp.madoguchi.sim.card.smartcardio;

import java.time.Duration;
import java.util.Optional;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import jp.madoguchi.sim.card.CardContact;
import jp.madoguchi.sim.card.CardSlot;

/** A card slot as a {@link CardTerminal}. */
final class SlotTerminal extends CardTerminal {
    static final String PROTOCOL = "T=1";

    private final CardSlot slot;
    private SlotCard connected; // guarded by this

    SlotTerminal(CardSlot slot) {
        this.slot = slot;
    }

    CardSlot slot() {
        return slot;
    }

    @Override
    public String getName() {
        return slot.name();
    }

    @Override
    public synchronized Card connect(String protocol) throws CardException {
        if (protocol == null) {
            throw new NullPointerException("protocol");
        }
        if (!protocol.equals("*")
                && !protocol.equalsIgnoreCase("T=0")
                && !protocol.equalsIgnoreCase("T=1")
                && !protocol.equalsIgnoreCase("T=CL")
                && !protocol.equalsIgnoreCase("direct")) {
            throw new IllegalArgumentException("Unsupported protocol " + protocol);
        }
        if (protocol.equalsIgnoreCase("direct")) {
            throw new CardException("connect() failed: the simulated reader has no direct mode");
        }
        Optional<CardContact> contact = slot.currentContact();
        if (contact.isEmpty()) {
            throw new CardNotPresentException("No card present in " + slot.name());
        }
        if (connected != null && connected.isValid() && connected.contact() == contact.get()) {
            if (protocol.equals("*") || protocol.equalsIgnoreCase(PROTOCOL)) {
                return connected;
            }
            throw new CardException(
                    "Cannot connect using " + protocol + ", connection already established using " + PROTOCOL);
        }
        if (!protocol.equals("*") && !protocol.equalsIgnoreCase(PROTOCOL)) {
            throw new CardException("connect() failed: the card speaks " + PROTOCOL + " only, not " + protocol);
        }
        try {
            contact.get().powerOn();
        } catch (RuntimeException e) {
            throw SlotCard.translate(e, "connect() failed");
        }
        connected = new SlotCard(this, contact.get());
        return connected;
    }

    synchronized void forget(SlotCard card) {
        if (connected == card) {
            connected = null;
        }
    }

    @Override
    public boolean isCardPresent() {
        return slot.cardPresent();
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
        return waitFor(true, timeout);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
        return waitFor(false, timeout);
    }

    private boolean waitFor(boolean present, long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        Duration limit = timeout == 0 ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofMillis(timeout);
        try {
            return present ? slot.awaitCardPresent(limit) : slot.awaitCardAbsent(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("waiting for the card was interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "Simulated terminal " + slot.name();
    }
}
