package jp.madoguchi.sim.center.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.center.protocol.ChallengeRequest;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.ErrorResponse;
import jp.madoguchi.center.protocol.IssuanceRequest;
import jp.madoguchi.center.protocol.OutcomeRequest;
import jp.madoguchi.center.protocol.Protocol;
import jp.madoguchi.center.protocol.SessionRequest;
import jp.madoguchi.sim.center.CenterFaults;
import jp.madoguchi.sim.center.Fault;
import jp.madoguchi.sim.center.RecordedRequest;
import jp.madoguchi.sim.center.rules.Refusal;
import jp.madoguchi.sim.pki.CenterPki;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /v1} API over HTTPS (a Jetty handler): takes the kiosk id from the TLS client
 * certificate, records the request, applies scripted faults, routes to the {@link CenterService}
 * and maps refusals to HTTP statuses with an {@link ErrorResponse}. Logs ids and codes only.
 * Requests are handled on the server's worker threads, which may block (the service, faults'
 * delays).
 */
public final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final Pattern ISSUANCES = Pattern.compile("/v1/sessions/([0-9a-f-]{36})/issuances");
    private static final Pattern SESSION = Pattern.compile("/v1/sessions/([0-9a-f-]{36})");
    private static final Pattern OUTCOME = Pattern.compile("/v1/issuances/([0-9a-f-]{36})/outcome");

    private final CenterService service;
    private final CenterFaults faults;
    private final BlockingDeque<RecordedRequest> recorded;
    private final int recordLimit;
    private final Clock clock;
    private final ObjectMapper json = Protocol.newObjectMapper();

    public ApiHandler(
            CenterService service,
            CenterFaults faults,
            BlockingDeque<RecordedRequest> recorded,
            int recordLimit,
            Clock clock) {
        this.service = service;
        this.faults = faults;
        this.recorded = recorded;
        this.recordLimit = recordLimit;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, callback);
        try {
            handle(exchange);
        } catch (IOException e) {
            // A scripted dropped connection, or the kiosk went away: close without an answer.
            exchange.drop(e);
        }
        return true;
    }

    private void handle(Exchange exchange) throws IOException {
        String method = exchange.request.getMethod();
        String path = exchange.request.getHttpURI().getDecodedPath();
        String kioskId = kioskIdOf(exchange.request);
        byte[] body = readBody(exchange.request, MAX_REQUEST_BYTES);
        record(method, path, kioskId, exchange.request.getHeaders().get(HttpHeader.CONTENT_TYPE), body);
        if (kioskId == null) {
            reply(exchange, 401, new ErrorResponse(ErrorCode.KIOSK_MISMATCH, "no kiosk client certificate"));
            return;
        }
        if (body == null) {
            reply(exchange, 413, new ErrorResponse(ErrorCode.BAD_REQUEST, "request body too large"));
            return;
        }
        try {
            pause(faults.nextLatency());
            Optional<Fault> fault = faults.take(
                    path,
                    List.of(
                            Fault.Kind.DELAY,
                            Fault.Kind.SERVER_ERROR,
                            Fault.Kind.DROP_CONNECTION,
                            Fault.Kind.GARBAGE_BODY,
                            Fault.Kind.WRONG_CONTENT_TYPE,
                            Fault.Kind.OVERSIZED_BODY));
            if (fault.isPresent() && applied(exchange, fault.get())) {
                return;
            }
            route(exchange, method, path, kioskId, body);
        } catch (Refusal r) {
            LOG.info("{} {} kiosk={} refused {}", method, template(path), kioskId, r.code());
            reply(exchange, statusOf(r.code()), new ErrorResponse(r.code(), r.getMessage()));
        } catch (com.fasterxml.jackson.core.JacksonException | IllegalArgumentException e) {
            LOG.info("{} {} kiosk={} malformed request", method, template(path), kioskId);
            reply(exchange, 400, new ErrorResponse(ErrorCode.BAD_REQUEST, "malformed request: " + firstLine(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error(
                    "{} {} kiosk={} failed: {}",
                    method,
                    template(path),
                    kioskId,
                    e.getClass().getName(),
                    e);
            reply(exchange, 500, new ErrorResponse(ErrorCode.CENTER_UNAVAILABLE, "internal error"));
        }
    }

    private void route(Exchange exchange, String method, String path, String kioskId, byte[] body) throws IOException {
        Matcher m;
        if (method.equals("POST") && path.equals(Protocol.CHALLENGES)) {
            ChallengeRequest request = json.readValue(body, ChallengeRequest.class);
            reply(exchange, 201, service.challenge(kioskId, request.kioskId()));
        } else if (method.equals("POST") && path.equals(Protocol.SESSIONS)) {
            SessionRequest request = json.readValue(body, SessionRequest.class);
            reply(exchange, 201, service.openSession(kioskId, request, faults.isOutsideHours()));
        } else if (method.equals("POST") && (m = ISSUANCES.matcher(path)).matches()) {
            IssuanceRequest request = json.readValue(body, IssuanceRequest.class);
            CenterService.Fault fault = faults.take(
                            path,
                            List.of(
                                    Fault.Kind.MISMATCHED_BINDING,
                                    Fault.Kind.TAMPERED_CONTENT,
                                    Fault.Kind.WRONG_FISCAL_YEAR))
                    .map(f -> CenterService.Fault.valueOf(f.kind().name()))
                    .orElse(CenterService.Fault.NONE);
            reply(exchange, 201, service.issue(kioskId, m.group(1), request, faults.isOutsideHours(), fault));
        } else if (method.equals("POST") && (m = OUTCOME.matcher(path)).matches()) {
            OutcomeRequest request = json.readValue(body, OutcomeRequest.class);
            reply(exchange, 200, service.outcome(kioskId, m.group(1), request));
        } else if (method.equals("DELETE") && (m = SESSION.matcher(path)).matches()) {
            service.closeSession(kioskId, m.group(1));
            exchange.send(204, null, new byte[0]);
        } else {
            reply(exchange, 404, new ErrorResponse(ErrorCode.BAD_REQUEST, "no such endpoint: " + method + " " + path));
        }
    }

    /** Applies a scripted fault; true when the fault answered (or dropped) the request. */
    private boolean applied(Exchange exchange, Fault fault) throws IOException, InterruptedException {
        switch (fault.kind()) {
            case DELAY -> {
                pause(fault.delay());
                return false;
            }
            case SERVER_ERROR -> exchange.send(500, "text/plain", "scripted failure".getBytes(StandardCharsets.UTF_8));
            case DROP_CONNECTION -> throw new IOException("scripted fault: connection dropped");
            case GARBAGE_BODY -> exchange.send(
                    200, Protocol.JSON, "{\"nonce\": [garbage".getBytes(StandardCharsets.UTF_8));
            case WRONG_CONTENT_TYPE -> exchange.send(
                    200, "text/html", "<html>captive portal</html>".getBytes(StandardCharsets.UTF_8));
            case OVERSIZED_BODY -> {
                byte[] big = new byte[4 * 1024 * 1024];
                java.util.Arrays.fill(big, (byte) ' ');
                big[0] = '[';
                big[big.length - 1] = ']';
                exchange.send(200, Protocol.JSON, big);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void reply(Exchange exchange, int status, Object body) throws IOException {
        exchange.send(status, Protocol.JSON, json.writeValueAsBytes(body));
    }

    /** One request with its response and completion callback. */
    private static final class Exchange {
        private final Request request;
        private final Response response;
        private final Callback callback;

        Exchange(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        /** Sends the whole answer in one write (headers and body together). */
        void send(int status, String contentType, byte[] body) {
            response.setStatus(status);
            if (contentType != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            }
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        /** Closes the connection without answering (a kiosk then sees the connection reset). */
        void drop(IOException cause) {
            request.getConnectionMetaData().getConnection().getEndPoint().close(cause);
            callback.failed(cause);
        }
    }

    /**
     * The request body, or null when it is longer than {@code limit}. A declared length is read
     * into an array of exactly that size (reading up to the limit went through 8 KiB chunks and a
     * copy for every call); a body without a length is read up to the limit.
     */
    private static byte[] readBody(Request request, int limit) throws IOException {
        long declared = request.getLength();
        if (declared > limit) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared >= 0) {
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                if (read != body.length) {
                    throw new IOException("request body ended after " + read + " of " + declared + " bytes");
                }
                return body;
            }
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? null : body;
        }
    }

    private void record(String method, String path, String kioskId, String contentType, byte[] body) {
        if (recordLimit == 0) {
            return;
        }
        while (recorded.size() >= recordLimit) {
            recorded.pollFirst();
        }
        recorded.offerLast(new RecordedRequest(
                clock.instant(), method, path, kioskId, contentType, body == null ? new byte[0] : body));
    }

    private String kioskIdOf(Request request) {
        if (!(request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData tls)) {
            return null;
        }
        X509Certificate[] chain = tls.peerCertificates();
        return chain == null || chain.length == 0 ? null : kioskIds.computeIfAbsent(chain[0], CenterPki::kioskIdOf);
    }

    /** Kiosk ids by client certificate: one per kiosk, so parsing the subject once is enough. */
    private final java.util.Map<X509Certificate, String> kioskIds = new java.util.concurrent.ConcurrentHashMap<>();

    static int statusOf(ErrorCode code) {
        return switch (code) {
            case BAD_REQUEST, PROTOCOL_ERROR, DOCUMENT_INVALID -> 400;
            case CHALLENGE_EXPIRED, SIGNATURE_INVALID -> 401;
            case CERT_REVOKED, CERT_EXPIRED, CERT_UNKNOWN, KIOSK_MISMATCH -> 403;
            case SESSION_EXPIRED, ISSUANCE_UNKNOWN -> 404;
            case IDEMPOTENCY_CONFLICT -> 409;
            case MUNICIPALITY_MAINTENANCE, CENTER_UNAVAILABLE -> 503;
            default -> 422;
        };
    }

    private static void pause(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d.toMillis());
        }
    }

    private static String template(String path) {
        return path.replaceAll("[0-9a-f-]{36}", "{id}");
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
