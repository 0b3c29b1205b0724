package jp.madoguchi.kiosk.demo;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulators' PKI (JPKI CAs, center CA, server and kiosk certificates) kept between runs of
 * the demo and the UI bench, which start on a fresh temporary data directory each time: the first
 * run generates it (several RSA-2048 keys, a good second of CPU), later runs copy these few files
 * into their new directory instead. The cache lives in the build directory ({@code
 * kiosk-app/target/demo-pki}), so a clean build makes new keys. Revocations are never carried
 * over. A cache that cannot be read or written only means generating again, never a failed run.
 */
public final class SimulatorPkiCache {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorPkiCache.class);
    /** Files a complete simulator PKI has; without them the cache is not used. */
    private static final List<String> REQUIRED = List.of(
            "pki.properties",
            "jpki-auth-ca.crt.pem",
            "jpki-auth-ca.key.pem",
            "jpki-sign-ca.crt.pem",
            "jpki-sign-ca.key.pem",
            "center-ca.crt.pem",
            "center-ca.key.pem",
            "center-server.crt.pem",
            "center-server.key.pem");
    /** Per-run state, not part of the PKI. */
    private static final String REVOCATIONS = "jpki-auth-revoked.tsv";

    private final Path cache;

    private SimulatorPkiCache(Path cache) {
        this.cache = cache;
    }

    /**
     * The cache beside the build of the checkout at {@code home} (the launcher's {@code
     * madoguchi.home}), if that checkout has been built; empty otherwise (e.g. an installed kiosk).
     */
    public static Optional<SimulatorPkiCache> besideBuild(String home) {
        if (home == null || home.isBlank()) {
            return Optional.empty();
        }
        Path target = Path.of(home, "kiosk-app", "target");
        return Files.isDirectory(target)
                ? Optional.of(new SimulatorPkiCache(target.resolve("demo-pki")))
                : Optional.empty();
    }

    /** A cache in {@code directory} (tests). */
    public static SimulatorPkiCache in(Path directory) {
        return new SimulatorPkiCache(directory);
    }

    /**
     * Copies the cached PKI into {@code simulatorDir/pki} when the cache is complete and that
     * directory has no PKI yet.
     *
     * @return true if the PKI was copied (the simulators will load it instead of generating one)
     */
    public boolean seed(Path simulatorDir) {
        Path into = simulatorDir.resolve("pki");
        if (Files.exists(into) || !complete(cache)) {
            return false;
        }
        try {
            copyTree(cache, into);
            return true;
        } catch (IOException e) {
            LOG.info(
                    "simulator PKI cache not used ({}); generating a new PKI",
                    e.getClass().getSimpleName());
            deleteTree(into);
            return false;
        }
    }

    /**
     * Keeps the PKI of {@code simulatorDir/pki} for later runs, if the cache has none yet. Call it
     * right after the simulators started, before anything is revoked.
     */
    public void keep(Path simulatorDir) {
        Path from = simulatorDir.resolve("pki");
        if (complete(cache) || !complete(from)) {
            return;
        }
        Path staging = cache.resolveSibling(
                cache.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            deleteTree(staging);
            copyTree(from, staging);
            deleteTree(cache); // an incomplete one
            Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            LOG.debug("another run filled the simulator PKI cache first");
        } catch (IOException e) {
            LOG.info("simulator PKI not kept for later runs ({})", e.getClass().getSimpleName());
        } finally {
            deleteTree(staging);
        }
    }

    private static boolean complete(Path dir) {
        return REQUIRED.stream().allMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals(REVOCATIONS)) {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left behind in the build directory: harmless.
        }
    }
}
