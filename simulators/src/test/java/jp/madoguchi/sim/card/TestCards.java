package jp.madoguchi.sim.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One card issuer for the whole test JVM: RSA key generation and the CAs are the slow part, and
 * every test class may reuse them. The data directory is a temporary one, removed at exit.
 */
public final class TestCards {
    private static CardIssuer issuer;
    private static Path dataDir;

    private TestCards() {}

    public static synchronized CardIssuer issuer() {
        if (issuer == null) {
            try {
                dataDir = Files.createTempDirectory("madoguchi-card-sim-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestCards::deleteDataDir));
            issuer = CardIssuer.open(dataDir);
        }
        return issuer;
    }

    /** The default test resident: R0001 with the placeholder attributes. */
    public static Cardholder resident() {
        return Cardholder.placeholder("R0001");
    }

    /** A second resident with a long address (BER length in 82 form) and other attributes. */
    public static Cardholder otherResident() {
        return new Cardholder(
                "R0002",
                "見本 花子",
                "模擬県窓口市見本町" + "一丁目".repeat(40) + "2番3号",
                LocalDate.of(1990, 12, 31),
                Sex.FEMALE,
                Cardholder.individualNumberFor("R0002"));
    }

    public static SimulatedCard card() {
        return issuer().issue(resident());
    }

    private static void deleteDataDir() {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }
}
