package jp.madoguchi.sim.center.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.madoguchi.center.protocol.Protocol;
import jp.madoguchi.sim.center.CenterFaults;
import jp.madoguchi.sim.center.Fault;
import jp.madoguchi.sim.center.RecordedRequest;
import jp.madoguchi.sim.center.registry.Registry;
import jp.madoguchi.sim.pki.OcspResponder;
import jp.madoguchi.sim.pki.Pem;
import jp.madoguchi.sim.pki.Revocation;
import jp.madoguchi.sim.pki.RevocationList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain-HTTP PKI listener (loopback): {@code POST /pki/ocsp} and {@code GET /pki/ocsp/<b64>}
 * (RFC 6960), {@code GET /pki/crl/jpki-auth.crl}, {@code GET /pki/center-ca.pem}; and, when
 * enabled, the admin API under {@code /admin/}: revocations, maintenance, faults, recorded
 * requests, document counts and the audit log.
 */
public final class PkiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PkiHandler.class);

    private final OcspResponder ocsp;
    private final RevocationList crl;
    private final byte[] centerCaPem;
    private final CenterFaults faults;
    private final boolean adminEnabled;
    private final Function<String, List<Revocation>> revokeResident;
    private final Function<BigInteger, Revocation> revokeSerial;
    private final Registry registry;
    private final java.util.Collection<RecordedRequest> recorded;
    private final ObjectMapper json = Protocol.newObjectMapper();

    public PkiHandler(
            OcspResponder ocsp,
            RevocationList crl,
            java.security.cert.X509Certificate centerCa,
            CenterFaults faults,
            boolean adminEnabled,
            Function<String, List<Revocation>> revokeResident,
            Function<BigInteger, Revocation> revokeSerial,
            Registry registry,
            java.util.Collection<RecordedRequest> recorded) {
        this.ocsp = ocsp;
        this.crl = crl;
        this.centerCaPem = Pem.encode(centerCa).getBytes(StandardCharsets.US_ASCII);
        this.faults = faults;
        this.adminEnabled = adminEnabled;
        this.revokeResident = revokeResident;
        this.revokeSerial = revokeSerial;
        this.registry = registry;
        this.recorded = recorded;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.startsWith("/pki/ocsp")) {
                if (faults.isOcspUnavailable()) {
                    HttpExchanges.send(exchange, 500, "text/plain", "OCSP responder down (scripted)".getBytes());
                    return;
                }
                byte[] request = method.equals("POST")
                        ? HttpExchanges.readBody(exchange, 64 * 1024)
                        : Base64.getDecoder()
                                .decode(java.net.URLDecoder.decode(
                                        path.substring("/pki/ocsp/".length()), StandardCharsets.US_ASCII));
                if (request == null) {
                    HttpExchanges.send(exchange, 413, "text/plain", new byte[0]);
                    return;
                }
                HttpExchanges.send(exchange, 200, "application/ocsp-response", ocsp.respond(request));
            } else if (method.equals("GET") && path.equals("/pki/crl/jpki-auth.crl")) {
                HttpExchanges.send(exchange, 200, "application/pkix-crl", crl.current());
            } else if (method.equals("GET") && path.equals("/pki/center-ca.pem")) {
                HttpExchanges.send(exchange, 200, "application/x-pem-file", centerCaPem);
            } else if (adminEnabled && path.startsWith("/admin/")) {
                admin(exchange, method, path);
            } else {
                HttpExchanges.send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IllegalArgumentException e) {
            HttpExchanges.send(
                    exchange, 400, "text/plain", ("bad request: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.error("PKI/admin {} {} failed: {}", method, path, e.getClass().getName(), e);
            HttpExchanges.send(exchange, 500, "text/plain", "internal error".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void admin(HttpExchange exchange, String method, String path) throws IOException {
        byte[] body = HttpExchanges.readBody(exchange, 64 * 1024);
        JsonNode in = body == null || body.length == 0 ? json.createObjectNode() : json.readTree(body);
        Object answer;
        switch (method + " " + path) {
            case "POST /admin/revocations" -> {
                if (in.hasNonNull("residentId")) {
                    answer = revokeResident.apply(in.get("residentId").asText()).stream()
                            .map(PkiHandler::describe)
                            .toList();
                } else if (in.hasNonNull("serial")) {
                    answer = describe(
                            revokeSerial.apply(new BigInteger(in.get("serial").asText(), 16)));
                } else {
                    throw new IllegalArgumentException("give residentId or serial (hex)");
                }
            }
            case "POST /admin/maintenance" -> {
                String code = text(in, "municipalityCode");
                boolean on = !in.has("on") || in.get("on").asBoolean();
                registry.setForcedMaintenance(code, on);
                answer = Map.of("municipalityCode", code, "maintenance", on);
            }
            case "POST /admin/faults" -> {
                Fault f = new Fault(
                        Fault.Kind.valueOf(text(in, "kind")),
                        in.path("pathPrefix").asText(""),
                        in.path("count").asInt(1),
                        java.time.Duration.ofMillis(in.path("delayMillis").asLong(0)));
                faults.enqueue(f);
                answer = Map.of("queued", f.kind().name(), "count", f.count());
            }
            case "POST /admin/switches" -> {
                if (in.has("outsideHours")) {
                    faults.outsideHours(in.get("outsideHours").asBoolean());
                }
                if (in.has("ocspUnavailable")) {
                    faults.ocspUnavailable(in.get("ocspUnavailable").asBoolean());
                }
                if (in.has("latencyMinMillis") || in.has("latencyMaxMillis")) {
                    faults.latency(
                            java.time.Duration.ofMillis(
                                    in.path("latencyMinMillis").asLong(0)),
                            java.time.Duration.ofMillis(
                                    in.path("latencyMaxMillis").asLong(0)));
                }
                answer = Map.of("outsideHours", faults.isOutsideHours(), "ocspUnavailable", faults.isOcspUnavailable());
            }
            case "DELETE /admin/faults" -> {
                faults.clear();
                answer = Map.of("cleared", true);
            }
            case "GET /admin/requests" -> answer = recorded.stream()
                    .map(r -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("receivedAt", r.receivedAt().toString());
                        m.put("method", r.method());
                        m.put("path", r.path());
                        m.put("kioskId", r.kioskId());
                        m.put("contentType", r.contentType());
                        m.put("body", r.bodyText());
                        return m;
                    })
                    .toList();
            case "GET /admin/documents" -> answer = registry.documentCounts();
            case "GET /admin/audit" -> answer = registry.auditLog(1000);
            default -> {
                HttpExchanges.send(
                        exchange, 404, "text/plain", "no such admin endpoint".getBytes(StandardCharsets.US_ASCII));
                return;
            }
        }
        LOG.info("admin {} {}", method, path);
        HttpExchanges.send(exchange, 200, Protocol.JSON, json.writeValueAsBytes(answer));
    }

    private static Map<String, Object> describe(Revocation r) {
        return Map.of(
                "serial", r.serial().toString(16), "revokedAt", r.revokedAt().toString(), "reason", r.reason());
    }

    private static String text(JsonNode in, String field) {
        if (!in.hasNonNull(field)) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return in.get(field).asText();
    }
}
