package jp.madoguchi.sim.center.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.pki.SeededKeys;
import jp.madoguchi.sim.pki.SimulatorPki;
import jp.madoguchi.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The center's cache of "good" OCSP answers: kept at least 45 s, and not all for the same time,
 * so that cards first seen together are not asked about again all at once. The OCSP requests are
 * counted by a forwarding server in front of the center simulator's real responder.
 */
class RevocationCheckerTest {
    private static final Instant T0 = Instant.parse("2026-06-10T01:00:00Z");
    private static final int CARDS = 40;

    @TempDir
    static Path dir;

    static CenterSimulator center;
    static HttpServer counting;
    static final AtomicInteger ocspRequests = new AtomicInteger();
    static final List<X509Certificate> cards = new ArrayList<>();

    @BeforeAll
    static void startResponderAndIssueCards() throws Exception {
        center = CenterSimulator.builder(dir).start();
        HttpClient forward = HttpClient.newHttpClient();
        counting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        counting.createContext("/ocsp", exchange -> {
            ocspRequests.incrementAndGet();
            HttpResponse<byte[]> answer;
            try {
                answer = forward.send(
                        HttpRequest.newBuilder(URI.create(center.ocspUrl()))
                                .header("Content-Type", "application/ocsp-request")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(
                                        exchange.getRequestBody().readAllBytes()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        });
        counting.start();
        SimulatorPki pki = center.pki();
        KeyPair key = SeededKeys.rsa2048("revocation-checker-test");
        for (int i = 0; i < CARDS; i++) {
            cards.add(pki.issueUserAuthCertificate(
                    String.format("R9%03d", i),
                    key.getPublic(),
                    Instant.parse("2025-04-01T00:00:00Z"),
                    Instant.parse("2030-03-31T23:59:59Z")));
        }
    }

    @AfterAll
    static void stop() {
        if (counting != null) {
            counting.stop(0);
        }
        if (center != null) {
            center.close();
        }
    }

    @Test
    void goodAnswersAreKeptAtLeast45sAndExpireSpreadOverTheNext30s() {
        MutableClock clock = new MutableClock(T0);
        RevocationChecker checker = new RevocationChecker(
                center.pki().userAuthenticationCa().certificate(),
                URI.create("http://127.0.0.1:" + counting.getAddress().getPort() + "/ocsp"),
                URI.create(center.crlUrl()),
                clock);
        int before = ocspRequests.get();
        cards.forEach(checker::check);
        assertThat(ocspRequests.get() - before).as("one request per card").isEqualTo(CARDS);

        clock.advance(Duration.ofSeconds(44));
        cards.forEach(checker::check);
        assertThat(ocspRequests.get() - before).as("all still cached at 44 s").isEqualTo(CARDS);

        clock.set(T0.plusSeconds(60));
        cards.forEach(checker::check);
        int atSixty = ocspRequests.get() - before - CARDS;
        // Uniform over 45-75 s: about half have expired at 60 s; all or none would mean one
        // expiry time for every card (odds 2 in 2^40 by chance).
        assertThat(atSixty).as("answers expired at 60 s").isBetween(1, CARDS - 1);

        clock.set(T0.plusSeconds(76));
        cards.forEach(checker::check);
        assertThat(ocspRequests.get() - before - CARDS)
                .as("by 76 s every first answer has expired once, and the ones renewed at 60 s are kept")
                .isEqualTo(CARDS);
    }
}
