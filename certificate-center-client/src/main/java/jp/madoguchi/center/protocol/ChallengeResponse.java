package jp.madoguchi.center.protocol;

import java.time.Instant;

/** A single-use nonce (base64, {@link Protocol#NONCE_BYTES} bytes) valid until {@code expiresAt}. */
public record ChallengeResponse(String nonce, Instant expiresAt) {
    public ChallengeResponse {
        Required.text(nonce, "nonce");
        Required.field(expiresAt, "expiresAt");
    }
}
