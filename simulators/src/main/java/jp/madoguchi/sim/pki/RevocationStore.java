package jp.madoguchi.sim.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Revoked user-authentication certificates of the simulated JPKI, kept in {@code
 * <data>/pki/jpki-auth-revoked.tsv} (serial in hex, instant, reason; one per line) so that a
 * revocation survives restarts. The OCSP responder and the CRL read it; listeners hear of each
 * new revocation (the center drops cached OCSP answers).
 */
public final class RevocationStore {
    private final Path file;
    private final Map<BigInteger, Revocation> revoked = new ConcurrentHashMap<>();
    private final List<Consumer<Revocation>> listeners = new CopyOnWriteArrayList<>();
    private volatile long version;

    private RevocationStore(Path file) {
        this.file = file;
    }

    /** Opens the store of the user-authentication CA under {@code pki}'s directory. */
    public static RevocationStore open(SimulatorPki pki) {
        RevocationStore store = new RevocationStore(pki.directory().resolve("jpki-auth-revoked.tsv"));
        store.load();
        return store;
    }

    /** Revokes {@code serial} now (idempotent: a second revocation keeps the first). */
    public synchronized Revocation revoke(BigInteger serial, Instant at, int reason) {
        Revocation existing = revoked.get(serial);
        if (existing != null) {
            return existing;
        }
        Revocation r = new Revocation(serial, at, reason);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    serial.toString(16) + "\t" + at + "\t" + reason + "\n",
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new PkiException("could not record the revocation in " + file + ": " + e.getMessage(), e);
        }
        revoked.put(serial, r);
        version++;
        listeners.forEach(l -> l.accept(r));
        return r;
    }

    public Optional<Revocation> find(BigInteger serial) {
        return Optional.ofNullable(revoked.get(serial));
    }

    public List<Revocation> all() {
        return new ArrayList<>(revoked.values());
    }

    /** Grows with every revocation (for caches of derived data such as the CRL). */
    public long version() {
        return version;
    }

    public void onRevocation(Consumer<Revocation> listener) {
        listeners.add(listener);
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] f = line.split("\t");
                if (f.length == 3) {
                    BigInteger serial = new BigInteger(f[0], 16);
                    revoked.put(serial, new Revocation(serial, Instant.parse(f[1]), Integer.parseInt(f[2])));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PkiException(
                    "could not read revocations from " + file + ": " + e.getMessage() + " (fix or delete the file)", e);
        }
    }
}
