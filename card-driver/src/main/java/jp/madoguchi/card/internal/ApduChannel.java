package jp.madoguchi.card.internal;

/**
 * Where the session sends command APDUs: the javax.smartcardio adapter in production, a scripted
 * card in tests. Implementations throw {@link jp.madoguchi.card.CardException} (transport codes
 * only: removed, not responding, transmission failed, closed) and never hang longer than their
 * time limit.
 */
public interface ApduChannel extends AutoCloseable {
    /**
     * Sends one command APDU and returns the raw response (data followed by SW1 SW2, as the card
     * sent it; possibly malformed). The caller may zero {@code command} once this returns.
     */
    byte[] transmit(byte[] command);

    /** Ends the connection and resets the card. Idempotent. */
    @Override
    void close();
}
