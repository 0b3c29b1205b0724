package jp.madoguchi.center.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code POST /v1/issuances/{id}/outcome}: which documents were printed and which were not. The
 * center voids every document of the issuance that is not listed as printed. With {@code
 * endSession} true the center also closes the issuance's session afterwards, as {@code DELETE
 * /v1/sessions/{id}} would (voiding whatever else the session left unreported), which spares the
 * kiosk a round trip at the end of a transaction. Absent (null) means false; the field is left
 * out of the JSON then, so older centers see the message they know.
 */
public record OutcomeRequest(
        List<String> printed, List<String> failed, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean endSession) {
    public OutcomeRequest {
        printed = Required.list(printed);
        failed = Required.list(failed);
    }

    /** An outcome that leaves the session open. */
    public OutcomeRequest(List<String> printed, List<String> failed) {
        this(printed, failed, null);
    }

    /** True when the kiosk asked the center to close the session after this outcome. */
    public boolean endsSession() {
        return Boolean.TRUE.equals(endSession);
    }
}
