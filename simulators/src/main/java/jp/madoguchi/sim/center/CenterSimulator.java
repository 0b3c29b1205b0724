package jp.madoguchi.sim.center;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import jp.madoguchi.center.KioskCredentials;
import jp.madoguchi.fonts.KioskTypeface;
import jp.madoguchi.sim.center.internal.ApiHandler;
import jp.madoguchi.sim.center.internal.CenterService;
import jp.madoguchi.sim.center.internal.PkiHandler;
import jp.madoguchi.sim.center.internal.PrintableTexts;
import jp.madoguchi.sim.center.internal.RevocationChecker;
import jp.madoguchi.sim.center.registry.DocumentStatus;
import jp.madoguchi.sim.center.registry.MunicipalityServices;
import jp.madoguchi.sim.center.registry.Registry;
import jp.madoguchi.sim.pki.CenterPki;
import jp.madoguchi.sim.pki.Credential;
import jp.madoguchi.sim.pki.OcspResponder;
import jp.madoguchi.sim.pki.Revocation;
import jp.madoguchi.sim.pki.RevocationList;
import jp.madoguchi.sim.pki.RevocationStore;
import jp.madoguchi.sim.pki.SimulatorPki;
import jp.madoguchi.sim.resident.ResidentCatalogue;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The issuance-center simulator: an HTTPS server (Jetty 12, mutual TLS, loopback) speaking protocol
 * {@code /v1}, and a plain-HTTP PKI listener serving OCSP, the CRL, the center CA and (when
 * enabled) the admin API. Start it on port 0 in tests, script {@link #faults()}, then read back
 * what the kiosk sent with {@link #takeRequest(Duration)}:
 *
 * <pre>{@code
 * try (CenterSimulator center = CenterSimulator.builder(dataDir).admin(true).start()) {
 *     CenterClient client = CenterClient.builder()
 *             .baseUrl(center.baseUrl())
 *             .credentials(center.kioskCredentials("KIOSK-0001"))
 *             .pinnedCenterCa(center.centerCa())
 *             .build();
 *     center.faults().failNext(1, "/v1/challenges");
 *     ...
 * }
 * }</pre>
 */
public final class CenterSimulator implements AutoCloseable {
    private final SimulatorPki pki;
    private final CenterPki centerPki;
    private final RevocationStore revocations;
    private final Registry registry;
    private final CenterService service;
    private final CenterFaults faults = new CenterFaults();
    private final BlockingDeque<RecordedRequest> recorded = new LinkedBlockingDeque<>();
    private final java.util.function.Supplier<ResidentCatalogue> catalogue;
    private final Clock clock;
    private final Server api;
    private final ServerConnector apiConnector;
    private final HttpServer pkiServer;
    private final ExecutorService pkiThreads;
    private final ScheduledExecutorService sweeper;

    private CenterSimulator(Builder b) {
        this.clock = b.clock;
        this.catalogue = b.catalogue != null ? () -> b.catalogue : new LazyCatalogue();
        HttpServer boundPki = null;
        // The registry (SQLite's native library, the resident caches) opens on another thread
        // while this one reads the PKI and sets up the servers: start-up takes the longer of the
        // two, not their sum.
        java.util.concurrent.CompletableFuture<Registry> opening = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Registry.open(
                        b.dataDir.resolve("center").resolve("registry.db"), catalogue, MunicipalityServices.defaults()),
                r -> {
                    Thread t = new Thread(r, "center-registry-open");
                    t.setDaemon(true);
                    t.start();
                });
        try {
            this.pki = SimulatorPki.open(b.dataDir);
            this.centerPki = CenterPki.open(pki);
            this.revocations = RevocationStore.open(pki);
            this.api = apiServer(b);
            this.apiConnector = (ServerConnector) api.getConnectors()[0];
            this.registry = opened(opening);
            InetAddress loopback = InetAddress.getLoopbackAddress();
            this.pkiServer = HttpServer.create(new InetSocketAddress(loopback, b.pkiPort), 64);
            boundPki = pkiServer;
            String pkiBase = "http://127.0.0.1:" + pkiServer.getAddress().getPort() + "/pki";
            RevocationChecker checker = new RevocationChecker(
                    pki.userAuthenticationCa().certificate(),
                    URI.create(pkiBase + "/ocsp"),
                    URI.create(pkiBase + "/crl/jpki-auth.crl"),
                    clock);
            revocations.onRevocation(r -> checker.invalidate());
            this.service = new CenterService(
                    pki,
                    centerPki,
                    registry,
                    new PrintableTexts(text ->
                            KioskTypeface.REGULAR.firstMissingGlyph(text).isEmpty()),
                    checker,
                    clock,
                    b.challengeLifetime,
                    b.sessionLifetime,
                    Math.max(2, Runtime.getRuntime().availableProcessors()));
            OcspResponder responder = new OcspResponder(pki.userAuthenticationCa(), revocations, clock);
            RevocationList crl = new RevocationList(pki.userAuthenticationCa(), revocations, clock);
            this.pkiThreads = Executors.newFixedThreadPool(4, named("center-pki"));
            pkiServer.setExecutor(pkiThreads);
            pkiServer.createContext(
                    "/",
                    new PkiHandler(
                            responder,
                            crl,
                            centerPki.centerCa(),
                            faults,
                            b.admin,
                            this::revokeCard,
                            this::revokeSerial,
                            registry,
                            recorded));

            api.setHandler(new ApiHandler(service, faults, recorded, b.recordLimit, clock));
            this.sweeper = Executors.newSingleThreadScheduledExecutor(named("center-sweeper"));
            sweeper.scheduleWithFixedDelay(service::expireSessions, 5, 5, TimeUnit.SECONDS);
            sweeper.execute(checker::prepare);
            api.start();
            pkiServer.start();
        } catch (Exception e) {
            if (boundPki != null) {
                boundPki.stop(0);
            }
            opening.thenAccept(Registry::close);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new CenterSimulatorException(
                    "the center simulator could not listen (port in use?): " + e.getMessage(), e);
        }
    }

    /** The registry opened in the background, or its failure as thrown by {@link Registry#open}. */
    private static Registry opened(java.util.concurrent.CompletableFuture<Registry> opening) {
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Starts building a center whose PKI and registry live under {@code dataDir}. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** {@code https://127.0.0.1:<port>}: the API base URL for the client. */
    public String baseUrl() {
        return "https://127.0.0.1:" + port();
    }

    public int port() {
        return apiConnector.getLocalPort();
    }

    public int pkiPort() {
        return pkiServer.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<pki port>/pki/ocsp}. */
    public String ocspUrl() {
        return "http://127.0.0.1:" + pkiPort() + "/pki/ocsp";
    }

    public String crlUrl() {
        return "http://127.0.0.1:" + pkiPort() + "/pki/crl/jpki-auth.crl";
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + pkiPort() + "/admin";
    }

    /** The center CA to pin in kiosks (also the anchor of municipality signatures). */
    public X509Certificate centerCa() {
        return centerPki.centerCa();
    }

    public Path centerCaFile() {
        return centerPki.centerCaFile();
    }

    /** The kiosk's TLS client certificate and key files (issued on first request). */
    public Credential kioskCredential(String kioskId) {
        return centerPki.kiosk(kioskId);
    }

    /** The kiosk's client credentials, ready for {@code CenterClient.Builder#credentials}. */
    public KioskCredentials kioskCredentials(String kioskId) {
        Credential c = centerPki.kiosk(kioskId);
        return new KioskCredentials(kioskId, c.privateKey(), c.chain());
    }

    /** The shared simulator PKI (JPKI CAs): make cards with it in tests. */
    public SimulatorPki pki() {
        return pki;
    }

    /** The resident catalogue the registry was seeded from (built on first use). */
    public ResidentCatalogue catalogue() {
        return catalogue.get();
    }

    /** Generating the catalogue takes a moment, and a warm start does not need it. */
    private static final class LazyCatalogue implements java.util.function.Supplier<ResidentCatalogue> {
        private ResidentCatalogue catalogue;

        @Override
        public synchronized ResidentCatalogue get() {
            if (catalogue == null) {
                catalogue = new ResidentCatalogue();
            }
            return catalogue;
        }
    }

    public CenterFaults faults() {
        return faults;
    }

    /** The oldest recorded request not yet taken, waiting up to {@code timeout}; empty if none came. */
    public Optional<RecordedRequest> takeRequest(Duration timeout) {
        try {
            return Optional.ofNullable(recorded.pollFirst(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The recorded requests not yet taken, oldest first. */
    public List<RecordedRequest> recordedRequests() {
        return new ArrayList<>(recorded);
    }

    /** Revokes the card certificates of {@code residentId} (as the admin API does). */
    public List<Revocation> revokeCard(String residentId) {
        List<Revocation> done = new ArrayList<>();
        for (BigInteger serial : service.serialsOf(residentId)) {
            done.add(revokeSerial(serial));
        }
        return done;
    }

    public Revocation revoke(X509Certificate cardCertificate) {
        return revokeSerial(cardCertificate.getSerialNumber());
    }

    private Revocation revokeSerial(BigInteger serial) {
        return revocations.revoke(serial, clock.instant(), OcspResponder.defaultReason());
    }

    /** Starts or ends an unscheduled maintenance of a municipality. */
    public void maintenance(String municipalityCode, boolean on) {
        registry.setForcedMaintenance(municipalityCode, on);
    }

    public Map<DocumentStatus, Long> documentCounts() {
        return registry.documentCounts();
    }

    public Optional<DocumentStatus> documentStatus(String documentId) {
        return registry.documentStatus(documentId);
    }

    public java.util.Set<String> documentsIn(DocumentStatus status) {
        return registry.documentsIn(status);
    }

    public List<String> auditLog(int limit) {
        return registry.auditLog(limit);
    }

    public int openSessions() {
        return service.openSessions();
    }

    /** Ends sessions past their lifetime now (the sweeper does it every 5 s). */
    public void expireSessions() {
        service.expireSessions();
    }

    @Override
    public void close() {
        try {
            api.stop();
        } catch (Exception e) {
            // Stopping is best effort: the registry is closed below in any case.
        }
        pkiServer.stop(0);
        sweeper.shutdownNow();
        pkiThreads.shutdownNow();
        registry.close();
    }

    /**
     * Jetty 12 with mutual TLS on 127.0.0.1: the kiosk must present a certificate of the center
     * CA. One acceptor and one selector suffice on loopback; request handling may block, on at
     * most {@code threads} workers named {@code center-api-*}.
     */
    private Server apiServer(Builder b) {
        QueuedThreadPool workers = new QueuedThreadPool(b.threads + 4, Math.min(8, b.threads + 4));
        workers.setName("center-api");
        workers.setDaemon(true);
        Server server = new Server(workers);
        server.setStopTimeout(0);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(serverContext());
        tls.setNeedClientAuth(true);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // The kiosks reach 127.0.0.1, which TLS does not send as SNI: no host check against it.
        http.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(
                server, 1, 1, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(b.httpsPort);
        connector.setAcceptQueueSize(256);
        server.addConnector(connector);
        return server;
    }

    private SSLContext serverContext() {
        try {
            Credential server = centerPki.server();
            char[] none = new char[0];
            // JKS, in memory only: PKCS12 would derive a PBKDF2 key (10,000 rounds) just to hold
            // the key for the key manager, a visible part of start-up.
            KeyStore keys = KeyStore.getInstance("JKS");
            keys.load(null, none);
            keys.setKeyEntry("server", server.privateKey(), none, server.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, none);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, none);
            trust.setCertificateEntry("center-ca", centerPki.centerCa());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CenterSimulatorException("the center's TLS material is unusable: " + e.getMessage(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Configuration of a {@link CenterSimulator}. */
    public static final class Builder {
        private final Path dataDir;
        private int httpsPort;
        private int pkiPort;
        private boolean admin;
        private Clock clock = Clock.systemUTC();
        private Duration challengeLifetime = Duration.ofSeconds(60);
        private Duration sessionLifetime = Duration.ofMinutes(10);
        private int threads = 32;
        private int recordLimit = 10_000;
        private ResidentCatalogue catalogue;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** HTTPS port of the API (0: any free port). */
        public Builder httpsPort(int port) {
            this.httpsPort = port;
            return this;
        }

        /** Plain-HTTP port of OCSP, CRL and the admin API (0: any free port). */
        public Builder pkiPort(int port) {
            this.pkiPort = port;
            return this;
        }

        /** Enables the admin API under {@code /admin/} on the PKI port (loopback only). */
        public Builder admin(boolean enabled) {
            this.admin = enabled;
            return this;
        }

        /** The center's clock (hours, validity, maintenance): tests pin a weekday morning. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder challengeLifetime(Duration d) {
            this.challengeLifetime = d;
            return this;
        }

        public Builder sessionLifetime(Duration d) {
            this.sessionLifetime = d;
            return this;
        }

        /** Request-handling threads of the API. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** How many requests to keep for {@link #takeRequest} (oldest dropped first; 0 keeps none). */
        public Builder recordLimit(int limit) {
            this.recordLimit = limit;
            return this;
        }

        public Builder catalogue(ResidentCatalogue catalogue) {
            this.catalogue = catalogue;
            return this;
        }

        public CenterSimulator start() {
            return new CenterSimulator(this);
        }
    }
}
