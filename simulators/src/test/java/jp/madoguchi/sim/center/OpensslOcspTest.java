package jp.madoguchi.sim.center;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.sim.pki.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard tools can use the simulator's PKI: openssl asks the OCSP responder about a card. */
class OpensslOcspTest {
    @TempDir
    Path data;

    @Test
    void opensslOcspAnswersGoodThenRevokedAfterRevocationThroughTheAdminApi() throws Exception {
        try (CenterSimulator center = CenterSimulator.builder(data).admin(true).start()) {
            Path ca = data.resolve("pki/jpki-auth-ca.crt.pem");
            Path card = data.resolve("card-R0001.pem");
            Files.writeString(
                    card, Pem.encode(new TestCards(center.pki()).of("R0001").certificate()));

            assertThat(openssl(ca, card, center.ocspUrl()))
                    .contains(card + ": good")
                    .contains("Response verify OK");

            HttpResponse<String> revoked = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(center.adminUrl() + "/revocations"))
                                    .timeout(Duration.ofSeconds(5))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"residentId\":\"R0001\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).isEqualTo(200);

            assertThat(openssl(ca, card, center.ocspUrl())).contains(card + ": revoked");
        }
    }

    private static String openssl(Path ca, Path card, String url) throws Exception {
        Process p = new ProcessBuilder(List.of(
                        "openssl",
                        "ocsp",
                        "-issuer",
                        ca.toString(),
                        "-cert",
                        card.toString(),
                        "-url",
                        url,
                        "-CAfile",
                        ca.toString()))
                .redirectErrorStream(true)
                .start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("openssl ocsp did not finish in 20 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
