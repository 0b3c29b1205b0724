package jp.madoguchi.center.protocol;

import java.time.Instant;

/** An open session for one resident and what THIS resident may order in it. */
public record SessionResponse(
        String sessionId, Instant expiresAt, String municipalityCode, String municipalityName, Menu menu) {
    public SessionResponse {
        Required.text(sessionId, "sessionId");
        Required.field(expiresAt, "expiresAt");
        Required.text(municipalityCode, "municipalityCode");
        Required.text(municipalityName, "municipalityName");
        Required.field(menu, "menu");
    }
}
