package jp.madoguchi.kiosk.clerk;

/**
 * Why a clerk handed money back. A fixed list, never free text, so that the audit record cannot
 * carry a resident's words or name.
 */
public enum RefundReason {
    /** The resident brought a 返金票 (refund voucher) the kiosk printed. */
    VOUCHER_REDEEMED,
    /** A copy came out unreadable or damaged. */
    PRINT_DEFECT,
    /** The kiosk kept money it should have returned (a device fault). */
    DEVICE_FAULT,
    /** The resident chose the wrong certificate and the store agreed to refund. */
    WRONG_CERTIFICATE_CHOSEN,
    /** Approved by the store manager for another reason. */
    MANAGER_APPROVED;

    /** The code stored in the clerk records. */
    public Code code() {
        return new Code(name());
    }
}
