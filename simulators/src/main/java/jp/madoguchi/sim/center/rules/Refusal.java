package jp.madoguchi.sim.center.rules;

import jp.madoguchi.center.protocol.ErrorCode;

/** The center refuses a request for a reason the kiosk shows the resident (a wire {@link ErrorCode}). */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public Refusal(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
