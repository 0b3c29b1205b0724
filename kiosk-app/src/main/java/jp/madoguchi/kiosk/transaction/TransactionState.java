package jp.madoguchi.kiosk.transaction;

/**
 * The states of one resident's issuance (design §3). Each transition is journaled before its
 * side effect, so after a crash the journal says what may already have happened.
 */
public enum TransactionState {
    IDLE,
    CARD_PRESENT,
    PIN_VERIFIED,
    AUTHENTICATED,
    ORDER_CHOSEN,
    FEE_CONFIRMED,
    PAID,
    DOCUMENTS_RECEIVED,
    PRINTING,
    PRINTED,
    CARD_REMOVED,
    DONE,
    CANCELLED,
    REFUND_DUE,
    FAILED;

    /** True for the states a transaction ends in. */
    public boolean isFinal() {
        return this == DONE || this == CANCELLED || this == FAILED;
    }
}
