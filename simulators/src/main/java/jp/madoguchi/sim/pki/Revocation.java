package jp.madoguchi.sim.pki;

import java.math.BigInteger;
import java.time.Instant;

/** One revoked certificate: its serial, when, and the RFC 5280 reason code. */
public record Revocation(BigInteger serial, Instant revokedAt, int reason) {}
