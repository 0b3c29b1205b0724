package jp.madoguchi.center.protocol;

/** {@code POST /v1/challenges}: the kiosk asks for a nonce for its card to sign. */
public record ChallengeRequest(String kioskId) {
    public ChallengeRequest {
        Required.text(kioskId, "kioskId");
    }
}
