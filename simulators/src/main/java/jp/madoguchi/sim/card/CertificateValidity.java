package jp.madoguchi.sim.card;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The validity window of a simulated card's certificates. Fixed by default so that certificates
 * (and tests) repeat; pass another window for expired or not-yet-valid cards.
 */
public record CertificateValidity(Instant notBefore, Instant notAfter) {
    private static final ZoneOffset JST = ZoneOffset.ofHours(9);

    /** 2025-04-01 00:00 to 2030-03-31 23:59:59 Japan time. */
    public static final CertificateValidity DEFAULT = new CertificateValidity(
            OffsetDateTime.of(2025, 4, 1, 0, 0, 0, 0, JST).toInstant(),
            OffsetDateTime.of(2030, 3, 31, 23, 59, 59, 0, JST).toInstant());

    public CertificateValidity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new CardSimException(
                    CardSimException.Code.INVALID_INPUT,
                    "certificate validity must end after it starts (" + notBefore + " .. " + notAfter + ")");
        }
    }
}
