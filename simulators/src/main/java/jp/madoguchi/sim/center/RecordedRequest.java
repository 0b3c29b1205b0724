package jp.madoguchi.sim.center;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A request the center received: what the kiosk sent, with the kiosk id of its TLS certificate. */
public record RecordedRequest(
        Instant receivedAt, String method, String path, String kioskId, String contentType, byte[] body) {
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + path + " from " + kioskId + " (" + body.length + " bytes)";
    }
}
