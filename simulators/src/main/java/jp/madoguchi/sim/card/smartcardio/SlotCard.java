package jp.madoguchi.sim.card.smartcardio;

import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import jp.madoguchi.sim.card.CardContact;
import jp.madoguchi.sim.card.CardSimException;

/** A connection to the card in a slot, as a {@link Card}. */
final class SlotCard extends Card {
    private final SlotTerminal terminal;
    private final CardContact contact;
    private final SlotChannel basicChannel;
    private final ATR atr;

    // guarded by this
    private boolean disconnected;
    private Thread exclusiveThread;

    SlotCard(SlotTerminal terminal, CardContact contact) {
        this.terminal = terminal;
        this.contact = contact;
        this.atr = new ATR(contact.atr());
        this.basicChannel = new SlotChannel(this);
    }

    CardContact contact() {
        return contact;
    }

    synchronized boolean isValid() {
        return !disconnected && contact.inserted();
    }

    @Override
    public ATR getATR() {
        return atr;
    }

    @Override
    public String getProtocol() {
        return SlotTerminal.PROTOCOL;
    }

    @Override
    public CardChannel getBasicChannel() {
        checkConnected();
        return basicChannel;
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
        // MANAGE CHANNEL (open) goes to the card, which has no logical channels.
        byte[] response = exchange(new byte[] {0x00, 0x70, 0x00, 0x00, 0x01});
        throw new CardException("openLogicalChannel() failed, card response: SW="
                + String.format("%02x%02x", response[response.length - 2], response[response.length - 1]));
    }

    @Override
    public synchronized void beginExclusive() throws CardException {
        checkConnected();
        if (exclusiveThread != null) {
            throw new CardException(
                    "Exclusive access has already been assigned to Thread " + exclusiveThread.getName());
        }
        if (!contact.inserted()) {
            throw new CardException("beginExclusive() failed: card removed (SCARD_W_REMOVED_CARD)");
        }
        exclusiveThread = Thread.currentThread();
    }

    @Override
    public synchronized void endExclusive() throws CardException {
        checkConnected();
        if (exclusiveThread != Thread.currentThread()) {
            throw new IllegalStateException("Exclusive access not assigned to current Thread");
        }
        exclusiveThread = null;
    }

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
        checkConnected();
        throw new CardException("transmitControlCommand() failed: the simulated reader has no control codes");
    }

    @Override
    public void disconnect(boolean reset) throws CardException {
        synchronized (this) {
            if (disconnected) {
                return;
            }
            disconnected = true;
            exclusiveThread = null;
        }
        terminal.forget(this);
        if (reset && contact.inserted()) {
            try {
                contact.reset();
            } catch (CardSimException e) {
                // removed meanwhile: nothing left to reset
            }
        }
    }

    /** Sends one APDU; the caller's thread blocks for the card's latency or while it is muted. */
    byte[] exchange(byte[] command) throws CardException {
        checkConnected();
        checkExclusive();
        try {
            return contact.transmit(command);
        } catch (RuntimeException e) {
            throw translate(e, "transmit() failed");
        }
    }

    void checkConnected() {
        synchronized (this) {
            if (disconnected) {
                throw new IllegalStateException("Card has been disconnected");
            }
        }
    }

    private synchronized void checkExclusive() {
        if (exclusiveThread != null && exclusiveThread != Thread.currentThread()) {
            throw new SecurityException("Exclusive access established by another Thread");
        }
    }

    static CardException translate(RuntimeException e, String what) {
        if (e instanceof CardSimException failure) {
            switch (failure.code()) {
                case CARD_REMOVED, NO_CARD:
                    return new CardException(what + ": card removed (SCARD_W_REMOVED_CARD)", e);
                case INTERRUPTED:
                    return new CardException(what + ": interrupted", e);
                default:
                    return new CardException(what + ": " + e.getMessage(), e);
            }
        }
        return new CardException(what + ": " + e, e);
    }

    @Override
    public String toString() {
        return "Simulated card in " + terminal.getName() + ", protocol " + getProtocol() + ", state "
                + (isValid() ? "OK" : "DISCONNECTED");
    }
}
