package jp.madoguchi.center.protocol;

import java.util.List;

/** The center's record after an outcome: documents counted as issued, and documents voided. */
public record OutcomeResponse(String issuanceId, List<String> issued, List<String> voided) {
    public OutcomeResponse {
        Required.text(issuanceId, "issuanceId");
        issued = Required.list(issued);
        voided = Required.list(voided);
    }
}
