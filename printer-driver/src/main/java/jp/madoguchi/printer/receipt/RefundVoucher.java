package jp.madoguchi.printer.receipt;

import java.time.LocalDateTime;
import java.util.Objects;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * A refund voucher (返金票): money the kiosk owes a resident because a paid certificate was not
 * printed. The resident hands it to the clerk, who scans its QR code to find the refund.
 *
 * @param voucherNumber the refund's id
 * @param transactionNumber the transaction it belongs to
 * @param issuedAt when it was printed
 * @param amount yen owed
 * @param reason short reason for the resident, e.g. 印刷できなかったため
 */
public record RefundVoucher(
        String voucherNumber, String transactionNumber, LocalDateTime issuedAt, int amount, String reason)
        implements Receipt {
    public RefundVoucher {
        Objects.requireNonNull(voucherNumber, "voucherNumber");
        Objects.requireNonNull(transactionNumber, "transactionNumber");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(reason, "reason");
        if (amount <= 0) {
            throw new PrinterException(ErrorCode.RECEIPT_INVALID, "a refund voucher is for a positive amount");
        }
    }

    /** What the voucher's QR code holds: the voucher and transaction numbers and the amount. */
    public String qrText() {
        return "MGREFUND:" + voucherNumber + ":" + transactionNumber + ":" + amount;
    }
}
