package jp.madoguchi.center;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import jp.madoguchi.center.internal.BoundedBody;
import jp.madoguchi.center.internal.Digests;
import jp.madoguchi.center.internal.DocumentVerifier;
import jp.madoguchi.center.internal.TlsSetup;
import jp.madoguchi.center.protocol.ChallengeRequest;
import jp.madoguchi.center.protocol.ChallengeResponse;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.ErrorResponse;
import jp.madoguchi.center.protocol.IssuanceRequest;
import jp.madoguchi.center.protocol.IssuanceResponse;
import jp.madoguchi.center.protocol.IssuedDocument;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.center.protocol.OutcomeRequest;
import jp.madoguchi.center.protocol.OutcomeResponse;
import jp.madoguchi.center.protocol.Protocol;
import jp.madoguchi.center.protocol.SessionRequest;
import jp.madoguchi.center.protocol.SessionResponse;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's client of the issuance center (protocol {@code /v1}) over mutual TLS with a pinned
 * center CA. One kiosk transaction uses it in this order:
 *
 * <ol>
 *   <li>{@link #requestChallenge()} — a single-use nonce;
 *   <li>the card signs {@link Challenge#digestToSign()} with its user-authentication key;
 *   <li>{@link #openSession} — the center checks the card and answers THIS resident's menu;
 *   <li>{@link #issue} — documents, each checked here (signature, chain, binding) before return;
 *   <li>{@link #reportOutcome} — what was printed; the center voids the rest;
 *   <li>{@link #closeSession} — always, also after errors (it voids unreported documents).
 * </ol>
 *
 * {@link #reportOutcomeAndClose} does the last two steps in one call.
 *
 * Every failure is a {@link CenterException} with a wire code and a resident-facing message.
 * Every call has its own time limit. Only calls that are safe to repeat are retried: challenges,
 * issuances (same idempotency key, so the center returns the same documents), outcomes and
 * session deletes; opening a session is never retried (its nonce is single-use). Thread-safe.
 */
public final class CenterClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CenterClient.class);
    private static final MediaType JSON = MediaType.get(Protocol.JSON);

    private final HttpUrl baseUrl;
    /** The base URL's path without trailing slashes ("" for a bare host), computed once. */
    private final String basePath;

    private final String kioskId;
    private final ObjectMapper json = Protocol.newObjectMapper();
    private final OkHttpClient http;
    private final OkHttpClient challengeHttp;
    private final OkHttpClient sessionHttp;
    private final OkHttpClient issuanceHttp;
    private final OkHttpClient outcomeHttp;
    private final DocumentVerifier verifier;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final long maxJsonBytes;
    private final long maxIssuanceBytes;

    private CenterClient(Builder b) {
        this.baseUrl = Objects.requireNonNull(b.baseUrl, "baseUrl");
        this.basePath = baseUrl.encodedPath().replaceAll("/+$", "");
        this.kioskId = Objects.requireNonNull(b.credentials, "credentials").kioskId();
        Objects.requireNonNull(b.pinnedCenterCa, "pinnedCenterCa");
        TlsSetup tls = TlsSetup.of(b.credentials, b.pinnedCenterCa);
        this.http = new OkHttpClient.Builder()
                .sslSocketFactory(tls.context().getSocketFactory(), tls.trustManager())
                .connectionPool(new ConnectionPool(4, 2, TimeUnit.MINUTES))
                .protocols(List.of(okhttp3.Protocol.HTTP_1_1))
                .connectTimeout(b.connectTimeout)
                // Each call's own limit is its callTimeout; reads and writes only need a backstop.
                .readTimeout(b.longestCall())
                .writeTimeout(b.longestCall())
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.challengeHttp = http.newBuilder().callTimeout(b.challengeTimeout).build();
        this.sessionHttp = http.newBuilder().callTimeout(b.sessionTimeout).build();
        this.issuanceHttp = http.newBuilder().callTimeout(b.issuanceTimeout).build();
        this.outcomeHttp = http.newBuilder().callTimeout(b.outcomeTimeout).build();
        X509Certificate anchor = b.documentTrustAnchor != null ? b.documentTrustAnchor : b.pinnedCenterCa;
        this.verifier = new DocumentVerifier(anchor, kioskId, b.maxDocumentBytes, json);
        this.maxAttempts = b.maxAttempts;
        this.retryBackoff = b.retryBackoff;
        this.maxJsonBytes = b.maxJsonBytes;
        this.maxIssuanceBytes = b.maxIssuanceBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String kioskId() {
        return kioskId;
    }

    /** Asks the center for a fresh single-use nonce for this kiosk. */
    public Challenge requestChallenge() {
        ChallengeResponse r = call(
                challengeHttp,
                post(Protocol.CHALLENGES, new ChallengeRequest(kioskId), false),
                ChallengeResponse.class,
                maxJsonBytes,
                true);
        try {
            if (Base64.getDecoder().decode(r.nonce()).length != Protocol.NONCE_BYTES) {
                throw new CenterException(ErrorCode.PROTOCOL_ERROR, "the challenge nonce has the wrong length");
            }
        } catch (IllegalArgumentException e) {
            throw new CenterException(ErrorCode.PROTOCOL_ERROR, "the challenge nonce is not base64");
        }
        return new Challenge(r.nonce(), kioskId, r.expiresAt());
    }

    /**
     * Proves the card to the center: its user-authentication certificate and its signature over
     * {@link Challenge#digestToSign()}. Answers the session with THIS resident's menu.
     */
    public CenterSession openSession(Challenge challenge, X509Certificate cardCertificate, byte[] signature) {
        if (!challenge.kioskId().equals(kioskId)) {
            throw new IllegalArgumentException("the challenge was issued to another kiosk client");
        }
        byte[] der;
        try {
            der = cardCertificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new CenterException(ErrorCode.CERT_UNKNOWN, "the card certificate cannot be encoded", e);
        }
        SessionRequest body = new SessionRequest(
                kioskId,
                challenge.nonce(),
                Base64.getEncoder().encodeToString(der),
                Base64.getEncoder().encodeToString(signature));
        // One-shot body: OkHttp must not silently resend a single-use nonce.
        SessionResponse r =
                call(sessionHttp, post(Protocol.SESSIONS, body, true), SessionResponse.class, maxJsonBytes, false);
        return new CenterSession(
                r.sessionId(),
                r.expiresAt(),
                r.municipalityCode(),
                r.municipalityName(),
                r.menu(),
                Digests.sha256Hex(der));
    }

    /**
     * Orders {@code items} in {@code session} and returns the documents after checking each one
     * (municipality signature and chain, binding to this session, kiosk and card certificate,
     * to the ordered items, content type, size and hash). Retried with the same idempotency key
     * after a lost answer; use a new key for each new order.
     *
     * @throws CenterException {@link ErrorCode#DOCUMENT_INVALID} if any document fails a check (no
     *     document of the issuance may then be printed), or the center's refusal
     */
    public Issuance issue(CenterSession session, List<OrderItem> items, String idempotencyKey) {
        IssuanceRequest body = new IssuanceRequest(idempotencyKey, items);
        IssuanceResponse r = call(
                issuanceHttp,
                post(Protocol.issuancesOf(session.sessionId()), body, false),
                IssuanceResponse.class,
                maxIssuanceBytes,
                true);
        if (!r.sessionId().equals(session.sessionId())) {
            throw new CenterException(ErrorCode.DOCUMENT_INVALID, "the issuance answers another session");
        }
        if (r.documents().size() != items.size()) {
            throw new CenterException(
                    ErrorCode.DOCUMENT_INVALID,
                    "the issuance has " + r.documents().size() + " documents for " + items.size() + " items");
        }
        List<VerifiedDocument> documents = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<Integer> itemIndexes = new HashSet<>();
        int total = 0;
        try {
            for (IssuedDocument d : r.documents()) {
                VerifiedDocument v = verifier.verify(d, r.issuanceId(), session, items);
                documents.add(v);
                if (!ids.add(v.documentId()) || !itemIndexes.add(v.metadata().itemIndex())) {
                    throw new CenterException(ErrorCode.DOCUMENT_INVALID, "the issuance repeats a document or item");
                }
                total += v.metadata().feeYen();
            }
            if (total != r.totalFeeYen()) {
                throw new CenterException(ErrorCode.DOCUMENT_INVALID, "the total fee differs from the documents' fees");
            }
        } catch (CenterException e) {
            documents.forEach(VerifiedDocument::wipe);
            LOG.warn("issuance {} refused: {}", r.issuanceId(), e.getMessage());
            throw e;
        }
        return new Issuance(r.issuanceId(), r.sessionId(), total, documents);
    }

    /**
     * Reports which documents were printed; every other document of the issuance is voided by the
     * center. Safe to repeat with the same lists.
     */
    public OutcomeResponse reportOutcome(String issuanceId, List<String> printed, List<String> failed) {
        return call(
                outcomeHttp,
                post(Protocol.outcomeOf(issuanceId), new OutcomeRequest(printed, failed), false),
                OutcomeResponse.class,
                maxJsonBytes,
                true);
    }

    /**
     * Reports which documents were printed and ends the session in the same call: the last step of
     * a transaction in one round trip instead of two ({@link #reportOutcome} then {@link
     * #closeSession}). When the center did not end the session (a center without the option), the
     * session is closed with a separate call before this returns. Safe to repeat with the same
     * lists. A caller that gets a {@link CenterException} still closes the session itself.
     */
    public OutcomeResponse reportOutcomeAndClose(
            String sessionId, String issuanceId, List<String> printed, List<String> failed) {
        OutcomeResponse response = call(
                outcomeHttp,
                post(Protocol.outcomeOf(issuanceId), new OutcomeRequest(printed, failed, true), false),
                OutcomeResponse.class,
                maxJsonBytes,
                true);
        if (!response.endedSession()) {
            closeSession(sessionId);
        }
        return response;
    }

    /** Closes the session; the center voids documents whose outcome was not reported. Idempotent. */
    public void closeSession(String sessionId) {
        Request request = new Request.Builder()
                .url(url(Protocol.session(sessionId)))
                .delete()
                .build();
        call(outcomeHttp, request, Void.class, maxJsonBytes, true);
    }

    /** Cancels every call of this client in flight (card removed, transaction aborted). */
    public void cancelInFlight() {
        http.dispatcher().cancelAll();
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.connectionPool().evictAll();
        http.dispatcher().executorService().shutdown();
    }

    private <T> T call(OkHttpClient client, Request request, Class<T> type, long limit, boolean safeToRepeat) {
        int attempts = safeToRepeat ? maxAttempts : 1;
        CenterException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Call call = client.newCall(request);
            try {
                return execute(call, type, limit);
            } catch (CenterException e) {
                last = e;
                if (!e.code().equals(ErrorCode.CENTER_UNAVAILABLE) || call.isCanceled() || attempt == attempts) {
                    throw e;
                }
                LOG.debug("{} {} attempt {} failed ({}); retrying", request.method(), path(request), attempt, e.code());
                pause();
            }
        }
        throw last;
    }

    private <T> T execute(Call call, Class<T> type, long limit) {
        Request request = call.request();
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            int status = response.code();
            if (status == 204 && type == Void.class) {
                return null;
            }
            String contentType = response.header("Content-Type", "");
            boolean isJson = contentType.toLowerCase(java.util.Locale.ROOT).startsWith(Protocol.JSON);
            byte[] bytes = BoundedBody.read(body, limit);
            if (!response.isSuccessful()) {
                throw refusal(status, isJson ? bytes : null, request);
            }
            if (bytes == null) {
                throw new CenterException(
                        ErrorCode.PROTOCOL_ERROR,
                        "answer to " + path(request) + " is longer than " + limit + " bytes",
                        status,
                        null);
            }
            if (!isJson) {
                throw new CenterException(
                        ErrorCode.PROTOCOL_ERROR,
                        "answer to " + path(request) + " has content type '" + contentType + "', expected "
                                + Protocol.JSON,
                        status,
                        null);
            }
            if (type == Void.class) {
                return null;
            }
            try {
                return json.readValue(bytes, type);
            } catch (IOException e) {
                throw new CenterException(
                        ErrorCode.PROTOCOL_ERROR,
                        "answer to " + path(request) + " is not a valid " + type.getSimpleName() + ": "
                                + firstLine(e.getMessage()),
                        status,
                        null);
            }
        } catch (SSLException e) {
            throw new CenterException(
                    ErrorCode.CENTER_UNAVAILABLE,
                    "TLS with the center failed (is the pinned center CA right?): " + e.getMessage(),
                    e);
        } catch (InterruptedIOException e) {
            throw new CenterException(
                    ErrorCode.CENTER_UNAVAILABLE,
                    (call.isCanceled() ? "call cancelled: " : "the center did not answer in time: ") + path(request),
                    e);
        } catch (IOException e) {
            throw new CenterException(
                    ErrorCode.CENTER_UNAVAILABLE,
                    "the center could not be reached (" + path(request) + "): " + e.getMessage(),
                    e);
        }
    }

    private CenterException refusal(int status, byte[] jsonBody, Request request) {
        if (jsonBody != null) {
            try {
                ErrorResponse error = json.readValue(jsonBody, ErrorResponse.class);
                return new CenterException(error.code(), error.message(), status, null);
            } catch (IOException e) {
                // fall through: a refusal we cannot read
            }
        }
        ErrorCode code = status >= 500 ? ErrorCode.CENTER_UNAVAILABLE : ErrorCode.PROTOCOL_ERROR;
        return new CenterException(
                code, "the center answered " + status + " without a readable error to " + path(request), status, null);
    }

    private Request post(String path, Object body, boolean oneShot) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + body.getClass().getSimpleName(), e);
        }
        RequestBody requestBody = oneShot ? new OneShotJson(bytes) : RequestBody.create(bytes, JSON);
        return new Request.Builder().url(url(path)).post(requestBody).build();
    }

    /**
     * The base URL with {@code path} appended, built from the parsed base (its host is not
     * re-canonicalised on every call, which parsing the whole URL again did).
     */
    private HttpUrl url(String path) {
        try {
            return baseUrl.newBuilder()
                    .encodedPath(basePath + path)
                    .query(null)
                    .fragment(null)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid center path " + path, e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryBackoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CenterException(ErrorCode.CENTER_UNAVAILABLE, "interrupted while waiting to retry", e);
        }
    }

    private static String path(Request request) {
        return request.url().encodedPath();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static final class OneShotJson extends RequestBody {
        private final byte[] bytes;

        OneShotJson(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }
    }

    /** Configuration of a {@link CenterClient}; defaults suit a store kiosk on a dedicated line. */
    public static final class Builder {
        private HttpUrl baseUrl;
        private KioskCredentials credentials;
        private X509Certificate pinnedCenterCa;
        private X509Certificate documentTrustAnchor;
        private Duration connectTimeout = Duration.ofSeconds(3);
        private Duration challengeTimeout = Duration.ofSeconds(5);
        private Duration sessionTimeout = Duration.ofSeconds(10);
        private Duration issuanceTimeout = Duration.ofSeconds(30);
        private Duration outcomeTimeout = Duration.ofSeconds(10);
        private int maxAttempts = 3;
        private Duration retryBackoff = Duration.ofMillis(200);
        private long maxJsonBytes = 256 * 1024;
        private long maxIssuanceBytes = 64L * 1024 * 1024;
        private int maxDocumentBytes = 8 * 1024 * 1024;

        private Builder() {}

        /** The center's base URL, e.g. {@code https://center.example:8443}. */
        public Builder baseUrl(String url) {
            HttpUrl parsed = HttpUrl.parse(url);
            if (parsed == null || !parsed.isHttps()) {
                throw new IllegalArgumentException("the center URL must be an https URL, got: " + url);
            }
            this.baseUrl = parsed;
            return this;
        }

        public Builder credentials(KioskCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The only CA trusted for the center's TLS certificate (pinning). */
        public Builder pinnedCenterCa(X509Certificate ca) {
            this.pinnedCenterCa = ca;
            return this;
        }

        /** Anchor of the municipality signing certificates; defaults to the pinned center CA. */
        public Builder documentTrustAnchor(X509Certificate anchor) {
            this.documentTrustAnchor = anchor;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d);
            return this;
        }

        public Builder challengeTimeout(Duration d) {
            this.challengeTimeout = positive(d);
            return this;
        }

        public Builder sessionTimeout(Duration d) {
            this.sessionTimeout = positive(d);
            return this;
        }

        public Builder issuanceTimeout(Duration d) {
            this.issuanceTimeout = positive(d);
            return this;
        }

        public Builder outcomeTimeout(Duration d) {
            this.outcomeTimeout = positive(d);
            return this;
        }

        /** Attempts of calls that are safe to repeat (at least 1). */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = attempts;
            return this;
        }

        public Builder retryBackoff(Duration d) {
            this.retryBackoff = Objects.requireNonNull(d);
            return this;
        }

        /** Largest JSON answer accepted except issuances. */
        public Builder maxJsonBytes(long bytes) {
            this.maxJsonBytes = bytes;
            return this;
        }

        /** Largest issuance answer accepted. */
        public Builder maxIssuanceBytes(long bytes) {
            this.maxIssuanceBytes = bytes;
            return this;
        }

        /** Largest single document accepted. */
        public Builder maxDocumentBytes(int bytes) {
            this.maxDocumentBytes = bytes;
            return this;
        }

        private Duration longestCall() {
            return java.util.stream.Stream.of(challengeTimeout, sessionTimeout, issuanceTimeout, outcomeTimeout)
                    .max(Duration::compareTo)
                    .orElseThrow();
        }

        public CenterClient build() {
            return new CenterClient(this);
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            return d;
        }
    }
}
