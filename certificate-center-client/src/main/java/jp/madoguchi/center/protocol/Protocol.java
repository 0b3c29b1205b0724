package jp.madoguchi.center.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Constants of protocol version 1 (paths, media types, limits) and the JSON mapping shared by the
 * client and the center simulator. {@code docs/protocol/openapi.yaml} describes the same thing
 * for other implementers; this package is the source of truth.
 */
public final class Protocol {
    private Protocol() {}

    public static final String VERSION_PREFIX = "/v1";
    public static final String CHALLENGES = VERSION_PREFIX + "/challenges";
    public static final String SESSIONS = VERSION_PREFIX + "/sessions";
    public static final String ISSUANCES = VERSION_PREFIX + "/issuances";
    public static final String JSON = "application/json";
    public static final String PDF = "application/pdf";
    /** Length of a challenge nonce in bytes. */
    public static final int NONCE_BYTES = 32;
    /** Version of the signed {@link DocumentMetadata} layout. */
    public static final int METADATA_VERSION = 1;

    /** {@code /v1/sessions/{id}/issuances}. */
    public static String issuancesOf(String sessionId) {
        return SESSIONS + "/" + sessionId + "/issuances";
    }

    /** {@code /v1/issuances/{id}/outcome}. */
    public static String outcomeOf(String issuanceId) {
        return ISSUANCES + "/" + issuanceId + "/outcome";
    }

    /** {@code /v1/sessions/{id}}. */
    public static String session(String sessionId) {
        return SESSIONS + "/" + sessionId;
    }

    /**
     * The bytes whose SHA-256 the card signs: the decoded nonce followed by the kiosk id in UTF-8.
     * Binding the kiosk id stops a signature made at one kiosk from opening a session at another.
     */
    public static byte[] challengeSignedBytes(String nonceBase64, String kioskId) {
        byte[] nonce = Base64.getDecoder().decode(nonceBase64);
        byte[] kiosk = kioskId.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[nonce.length + kiosk.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(kiosk, 0, out, nonce.length, kiosk.length);
        return out;
    }

    /** A JSON mapper for protocol messages: ISO-8601 instants, unknown fields ignored (forward compatible). */
    public static ObjectMapper newObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
