package jp.madoguchi.kiosk.journal;

import jp.madoguchi.kiosk.money.Yen;

/** A document in a transaction's order: its center document id, type code, copies and per-copy fee. */
public record OrderedDocument(String documentId, String type, int copies, Yen perCopyFee) {
    public OrderedDocument {
        if (copies <= 0) {
            throw new IllegalArgumentException("copies must be positive: " + copies);
        }
    }

    public Yen total() {
        return perCopyFee.times(copies);
    }
}
