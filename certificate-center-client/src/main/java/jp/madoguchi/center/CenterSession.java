package jp.madoguchi.center;

import java.time.Instant;
import jp.madoguchi.center.protocol.Menu;

/**
 * An open session at the center for one card: the session id, the municipality, THIS resident's
 * menu, and the SHA-256 (hex) of the card certificate that every document must be bound to.
 */
public record CenterSession(
        String sessionId,
        Instant expiresAt,
        String municipalityCode,
        String municipalityName,
        Menu menu,
        String cardCertificateSha256) {}
