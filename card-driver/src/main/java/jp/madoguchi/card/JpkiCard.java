package jp.madoguchi.card;

import java.security.cert.X509Certificate;

/**
 * A session with the card in one reader, speaking the JPKI AP (and the card-info AP) of the My
 * Number card. Every call is bounded in time: a card that stops answering fails with {@link
 * CardErrorCode#CARD_NOT_RESPONDING}; every failure is a {@link CardException}. Operations that
 * need a My Number card fail with {@link CardErrorCode#NOT_A_MY_NUMBER_CARD} on any other card.
 *
 * <p>Calls are serialised; {@link #close()} may come from any thread and ends the session (the
 * card is reset so that a verified PIN does not outlive the session).
 */
public interface JpkiCard extends AutoCloseable {
    /** The number of tries of the user-authentication PIN after a correct entry. */
    int AUTH_PIN_MAX_TRIES = 3;

    /** The reader this session talks through. */
    String readerName();

    /** The card's answer to reset. */
    byte[] atr();

    /** Whether this is a My Number card; decided once per session (a few APDUs the first time). */
    CardKind kind();

    /** The user-authentication certificate (EF 000A of the JPKI AP; no PIN needed). */
    X509Certificate readAuthCertificate();

    /** The certificate of the CA that issued the user-authentication certificate (EF 000B). */
    X509Certificate readAuthCaCertificate();

    /**
     * Tries left on the user-authentication PIN, asked without using a try. 0 means locked. If the
     * PIN was already verified in this session the card's counter was reset, so the answer is
     * {@link #AUTH_PIN_MAX_TRIES}.
     */
    int authPinTriesLeft();

    /**
     * Verifies the 4-digit user-authentication PIN. Throws {@link CardErrorCode#INVALID_PIN_FORMAT}
     * without talking to the card unless {@code pin} is exactly four ASCII digits, {@link
     * CardErrorCode#WRONG_PIN} with the tries left, or {@link CardErrorCode#PIN_LOCKED}; once the
     * PIN is known to be locked the driver never sends a PIN to the card again. The caller still
     * owns {@code pin} and should clear it; the driver's own copies are zeroed.
     */
    void verifyAuthPin(char[] pin);

    /**
     * Signs a SHA-256 digest with the user-authentication key after {@link #verifyAuthPin}: sends
     * the DigestInfo and returns the card's 256-byte RSA PKCS#1 v1.5 signature.
     *
     * @throws IllegalArgumentException if {@code sha256Digest} is not 32 bytes
     */
    byte[] signWithAuthKey(byte[] sha256Digest);

    /**
     * Reads name, address, birth date and sex from the card-info AP (券面事項入力補助AP), after
     * verifying its own 4-digit PIN with the same rules as {@link #verifyAuthPin}.
     */
    BasicAttributes readBasicAttributes(char[] cardInfoPin);

    /** How many command APDUs this session has sent (for benchmarks and diagnostics). */
    long apduCount();

    /** Ends the session and resets the card. Idempotent. */
    @Override
    void close();
}
