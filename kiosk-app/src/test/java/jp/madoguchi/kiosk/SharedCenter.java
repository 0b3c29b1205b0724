package jp.madoguchi.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.center.CenterSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real center simulator (and the card issuer of its PKI) for a whole test class, started
 * before the class and closed after it: {@code @RegisterExtension static final SharedCenter sim =
 * new SharedCenter();}. Its clock reads 10:00 on a weekday, so every certificate type is open
 * whenever the tests run.
 */
public final class SharedCenter implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private CenterSimulator center;
    private CardIssuer issuer;

    /** The real clock moved to 10:00 JST on Wednesday 2026-06-10 (it keeps ticking from there). */
    public static Clock daytimeClock() {
        Instant tenAm = Instant.parse("2026-06-10T01:00:00Z");
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), tenAm));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("madoguchi-shared-center");
        center = CenterSimulator.builder(dir.resolve("sim"))
                .clock(daytimeClock())
                .start();
        issuer = CardIssuer.open(dir.resolve("sim"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (center != null) {
            center.close();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public CenterSimulator center() {
        return center;
    }

    public CardIssuer issuer() {
        return issuer;
    }
}
