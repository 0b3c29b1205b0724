package jp.madoguchi.kiosk.clerk;

/** What a clerk (or the kiosk on a clerk's behalf) did; each is one row of the clerk records. */
public enum ClerkEventKind {
    /** Clerk mode opened; code PIN or KEY_SWITCH. */
    CLERK_ENTERED,
    /** Clerk mode closed. */
    CLERK_LEFT,
    /** A wrong clerk PIN. */
    CLERK_PIN_WRONG,
    /** Too many wrong clerk PINs: clerk mode locked for a while. */
    CLERK_LOCKED_OUT,
    /** A test page or slip; code names the printer, count 1 if it came out. */
    TEST_PRINT,
    /** Paper loaded; code names the printer, count the sheets (0 for a receipt roll). */
    PAPER_REPLENISHED,
    /** The coin box emptied and counted: amount counted, expected_amount what the journal says. */
    COINS_COLLECTED,
    /** Money handed back by the clerk for a transaction: amount, code the reason. */
    MANUAL_REFUND,
    /** The daily close report printed; count copies, amount fees of the day. */
    DAILY_CLOSE_PRINTED,
    /** A municipality's monthly statement written; count copies, amount fees. */
    STATEMENT_WRITTEN,
    /** Logs exported; count the files written. */
    LOGS_EXPORTED
}
