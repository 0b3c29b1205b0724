package jp.madoguchi.card;

/** Why a card operation failed; carried by every {@link CardException}. */
public enum CardErrorCode {
    /** The PIN was wrong; {@link CardException#triesLeft()} says how many tries remain (at least 1). */
    WRONG_PIN,
    /** The PIN is locked (status 63C0, 6983 or 6984); only the municipal office can reset it. */
    PIN_LOCKED,
    /** The PIN given is not exactly four ASCII digits; nothing was sent to the card. */
    INVALID_PIN_FORMAT,
    /** The card in the reader has no JPKI AP or is not a My Number card (token info differs). */
    NOT_A_MY_NUMBER_CARD,
    /** An application or file the operation needs is absent on the card (status 6A82). */
    FILE_NOT_FOUND,
    /** The card refused the operation because its PIN was not verified in this session (6982). */
    SECURITY_STATUS_NOT_SATISFIED,
    /** The card was taken out of the reader (or the reader went away) during the session. */
    CARD_REMOVED,
    /** The card did not answer within the response timeout; the session was disconnected. */
    CARD_NOT_RESPONDING,
    /** No card is in the reader. */
    NO_CARD,
    /** No card reader is connected. */
    NO_READER,
    /** No reader of the requested name is connected. */
    READER_NOT_FOUND,
    /** The PC/SC service cannot be used: pcscd is not running or libpcsclite is missing. */
    READER_UNAVAILABLE,
    /** The reader reported an error while talking to the card. */
    TRANSMISSION_FAILED,
    /** The card answered with a status word the operation does not expect. */
    UNEXPECTED_STATUS,
    /** The card's answer is malformed: no status word, wrong length, or bad DER/TLV content. */
    MALFORMED_RESPONSE,
    /** The session was closed; open a new one. */
    SESSION_CLOSED
}
