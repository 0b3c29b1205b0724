package jp.madoguchi.center.protocol;

/** The body of every 4xx/5xx answer: a wire code and a developer-facing message (no personal data). */
public record ErrorResponse(ErrorCode code, String message) {
    public ErrorResponse {
        Required.field(code, "code");
        message = message == null ? "" : message;
    }
}
