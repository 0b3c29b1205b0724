package jp.madoguchi.kiosk.clerk;

/** The kiosk's two printers. */
public enum PrinterKind {
    /** The A4 printer certificates come out of (IPP; at a counter, the back-office printer). */
    CERTIFICATE,
    /** The receipt, voucher and 受付票 printer (ESC/POS). */
    RECEIPT;

    public Code code() {
        return new Code(name());
    }
}
