package jp.madoguchi.printer.receipt;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;

/**
 * The resident's receipt (領収書) for certificates paid at the kiosk.
 *
 * @param header shop or site name printed on top (e.g. the store or city hall branch)
 * @param transactionNumber the kiosk's transaction number, for inquiries
 * @param issuedAt when the transaction was paid
 * @param items what was issued: certificate type, copies, per-copy fee
 * @param paid cash received in yen
 */
public record TransactionReceipt(
        String header, String transactionNumber, LocalDateTime issuedAt, List<Item> items, int paid)
        implements Receipt {

    /**
     * One kind of certificate on the receipt.
     *
     * @param name certificate type, e.g. 住民票の写し
     * @param copies number of copies
     * @param feePerCopy fee per copy in yen
     */
    public record Item(String name, int copies, int feePerCopy) {
        public Item {
            Objects.requireNonNull(name, "name");
            if (copies < 1 || feePerCopy < 0) {
                throw new PrinterException(ErrorCode.RECEIPT_INVALID, "an item needs 1+ copies and a fee of 0+ yen");
            }
        }

        /** Copies times fee. */
        public int amount() {
            return Math.multiplyExact(copies, feePerCopy);
        }
    }

    public TransactionReceipt {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(transactionNumber, "transactionNumber");
        Objects.requireNonNull(issuedAt, "issuedAt");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new PrinterException(ErrorCode.RECEIPT_INVALID, "a receipt lists at least one item");
        }
        int total = items.stream().mapToInt(Item::amount).reduce(0, Math::addExact);
        if (paid < total) {
            throw new PrinterException(
                    ErrorCode.RECEIPT_INVALID, "paid " + paid + " yen is less than the total " + total + " yen");
        }
    }

    /** The sum of the items. */
    public int total() {
        return items.stream().mapToInt(Item::amount).sum();
    }

    /** Change given back: paid minus total. */
    public int change() {
        return paid - total();
    }
}
