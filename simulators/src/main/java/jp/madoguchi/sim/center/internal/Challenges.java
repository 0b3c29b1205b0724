package jp.madoguchi.sim.center.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jp.madoguchi.center.protocol.ChallengeResponse;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.Protocol;
import jp.madoguchi.sim.center.rules.Refusal;

/** Single-use, short-lived nonces, each bound to the kiosk that asked for it. In memory only. */
public final class Challenges {
    private record Pending(String kioskId, Instant expiresAt) {}

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong issued = new AtomicLong();
    private final Clock clock;
    private final Duration lifetime;

    public Challenges(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public ChallengeResponse issue(String kioskId) {
        byte[] nonce = new byte[Protocol.NONCE_BYTES];
        random.nextBytes(nonce);
        String text = Base64.getEncoder().encodeToString(nonce);
        Instant expires = clock.instant().plus(lifetime);
        pending.put(text, new Pending(kioskId, expires));
        if (issued.incrementAndGet() % 1024 == 0) {
            Instant now = clock.instant();
            pending.values().removeIf(p -> p.expiresAt().isBefore(now));
        }
        return new ChallengeResponse(text, expires);
    }

    /** Uses up {@code nonce}: it must exist, belong to {@code kioskId} and be unexpired. */
    public void consume(String nonce, String kioskId) {
        Pending p = pending.remove(nonce);
        if (p == null) {
            throw new Refusal(ErrorCode.CHALLENGE_EXPIRED, "unknown or already used challenge");
        }
        if (!p.kioskId().equals(kioskId)) {
            throw new Refusal(ErrorCode.CHALLENGE_EXPIRED, "the challenge was issued to another kiosk");
        }
        if (clock.instant().isAfter(p.expiresAt())) {
            throw new Refusal(ErrorCode.CHALLENGE_EXPIRED, "the challenge expired");
        }
    }
}
