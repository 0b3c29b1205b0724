package jp.madoguchi.center;

import java.util.List;

/** The verified documents of one order, in order-item order, and the total fee. */
public record Issuance(String issuanceId, String sessionId, int totalFeeYen, List<VerifiedDocument> documents) {
    public Issuance {
        documents = List.copyOf(documents);
    }

    /** Wipes every document's content. */
    public void wipe() {
        documents.forEach(VerifiedDocument::wipe);
    }
}
