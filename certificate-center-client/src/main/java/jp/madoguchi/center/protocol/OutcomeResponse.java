package jp.madoguchi.center.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The center's record after an outcome: documents counted as issued, and documents voided.
 * {@code sessionEnded} is true when the outcome asked to end the session and the session is now
 * closed; it is absent when the outcome did not ask (or the center predates the option), and a
 * kiosk then closes the session itself.
 */
public record OutcomeResponse(
        String issuanceId,
        List<String> issued,
        List<String> voided,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean sessionEnded) {
    public OutcomeResponse {
        Required.text(issuanceId, "issuanceId");
        issued = Required.list(issued);
        voided = Required.list(voided);
    }

    /** An outcome that did not end the session. */
    public OutcomeResponse(String issuanceId, List<String> issued, List<String> voided) {
        this(issuanceId, issued, voided, null);
    }

    /** True when the center closed the session after this outcome. */
    public boolean endedSession() {
        return Boolean.TRUE.equals(sessionEnded);
    }
}
