package jp.madoguchi.center.protocol;

import java.util.List;

/** The issued documents of one order; each is signed and bound to the session and card. */
public record IssuanceResponse(String issuanceId, String sessionId, int totalFeeYen, List<IssuedDocument> documents) {
    public IssuanceResponse {
        Required.text(issuanceId, "issuanceId");
        Required.text(sessionId, "sessionId");
        documents = Required.list(documents);
    }
}
