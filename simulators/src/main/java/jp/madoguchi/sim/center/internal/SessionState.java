package jp.madoguchi.sim.center.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.madoguchi.center.protocol.IssuanceRequest;
import jp.madoguchi.center.protocol.IssuanceResponse;
import jp.madoguchi.center.protocol.Menu;

/** One open session: whose it is (kiosk, resident, card), its menu, and its issuances by idempotency key. */
public final class SessionState {
    record Issued(IssuanceRequest request, IssuanceResponse response) {}

    final String sessionId;
    final String kioskId;
    final String residentId;
    final String cardCertificateSha256;
    final String municipalityCode;
    final Menu menu;
    final Instant expiresAt;
    /** Guarded by {@code this}: issuances are created one at a time per session. */
    final Map<String, Issued> byIdempotencyKey = new HashMap<>();

    final Set<String> issuanceIds = ConcurrentHashMap.newKeySet();

    SessionState(
            String sessionId,
            String kioskId,
            String residentId,
            String cardCertificateSha256,
            String municipalityCode,
            Menu menu,
            Instant expiresAt) {
        this.sessionId = sessionId;
        this.kioskId = kioskId;
        this.residentId = residentId;
        this.cardCertificateSha256 = cardCertificateSha256;
        this.municipalityCode = municipalityCode;
        this.menu = menu;
        this.expiresAt = expiresAt;
    }
}
