package jp.madoguchi.center.protocol;

import java.util.List;

/**
 * {@code POST /v1/issuances/{id}/outcome}: which documents were printed and which were not. The
 * center voids every document of the issuance that is not listed as printed.
 */
public record OutcomeRequest(List<String> printed, List<String> failed) {
    public OutcomeRequest {
        printed = Required.list(printed);
        failed = Required.list(failed);
    }
}
