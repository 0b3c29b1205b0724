package jp.madoguchi.sim.center;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.madoguchi.center.Challenge;
import jp.madoguchi.sim.pki.SeededKeys;
import jp.madoguchi.sim.pki.SimulatorPki;

/**
 * Simulated cards for tests without the card simulator: a user-auth certificate from the JPKI CA
 * for any resident, and a software signature over the center's challenge. A few key pairs are
 * shared between residents to keep key generation out of the test time; each resident still
 * gets a certificate of its own (own serial, own subject, own fingerprint).
 */
final class TestCards {
    static final Instant FROM = Instant.parse("2025-04-01T00:00:00Z");
    static final Instant TO = Instant.parse("2030-03-31T23:59:59Z");
    private static final List<KeyPair> KEYS =
            List.of(SeededKeys.rsa2048("test-card-key-0"), SeededKeys.rsa2048("test-card-key-1"));

    record Card(String residentId, X509Certificate certificate, PrivateKey key) {
        byte[] sign(Challenge challenge) {
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(key);
                s.update(challenge.signedBytes());
                return s.sign();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final SimulatorPki pki;
    private final Map<String, Card> cards = new ConcurrentHashMap<>();

    TestCards(SimulatorPki pki) {
        this.pki = pki;
    }

    Card of(String residentId) {
        return cards.computeIfAbsent(residentId, id -> {
            KeyPair keys = KEYS.get(Math.abs(id.hashCode()) % KEYS.size());
            return new Card(id, pki.issueUserAuthCertificate(id, keys.getPublic(), FROM, TO), keys.getPrivate());
        });
    }

    Card withValidity(String residentId, Instant from, Instant to) {
        KeyPair keys = KEYS.get(0);
        return new Card(
                residentId, pki.issueUserAuthCertificate(residentId, keys.getPublic(), from, to), keys.getPrivate());
    }
}
