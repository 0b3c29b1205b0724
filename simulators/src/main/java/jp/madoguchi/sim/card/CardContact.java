package jp.madoguchi.sim.card;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The electrical contact between a slot and the card in it, for one insertion: what an adapter
 * uses to power the card and exchange APDUs. Once the card is removed the contact is gone for
 * good ({@link #inserted()} false); a re-inserted card has a new contact.
 */
public final class CardContact {
    private final CardSlot slot;
    private final SimulatedCard card;
    private volatile boolean inserted = true;

    CardContact(CardSlot slot, SimulatedCard card) {
        this.slot = slot;
        this.card = card;
    }

    /** The card behind this contact. */
    public SimulatedCard card() {
        return card;
    }

    /** The card's ATR. */
    public byte[] atr() {
        return card.atr();
    }

    /** True while the card of this insertion is still in the slot. */
    public boolean inserted() {
        return inserted;
    }

    /** Powers the card on if it is off (as a reader does on connect); a powered card keeps its session. */
    public void powerOn() {
        requireInserted();
        card.powerOn();
    }

    /** Powers the card on, or resets it if it is on: its session state starts afresh. */
    public void reset() {
        requireInserted();
        card.reset();
    }

    /** Powers the card off: its session state is gone; the next APDU powers it on again. */
    public void powerOff() {
        requireInserted();
        card.powerOff();
    }

    /**
     * Sends a command APDU and returns the card's response APDU (data and SW1 SW2). Blocks for
     * the card's latency and while it is muted; the exchange goes to the slot's APDU log.
     *
     * @throws CardSimException {@link CardSimException.Code#CARD_REMOVED} if the card is or
     *     gets removed before it answers, {@link CardSimException.Code#INTERRUPTED}
     */
    public byte[] transmit(byte[] command) {
        requireInserted();
        Instant at = Instant.now();
        long start = System.nanoTime();
        byte[] copy = command.clone();
        try {
            byte[] response = card.exchange(copy, this);
            slot.record(ApduRecord.of(at, command, response, Duration.ofNanos(System.nanoTime() - start)));
            return response;
        } catch (CardSimException e) {
            slot.record(ApduRecord.unanswered(at, command, Duration.ofNanos(System.nanoTime() - start)));
            throw e;
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    void detach() {
        inserted = false;
        card.wakeWaiters();
    }

    private void requireInserted() {
        if (!inserted) {
            throw new CardSimException(CardSimException.Code.CARD_REMOVED, "the card was removed from " + slot.name());
        }
    }
}
