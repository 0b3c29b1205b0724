package jp.madoguchi.kiosk.clerk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import jp.madoguchi.kiosk.KioskErrorCode;
import jp.madoguchi.kiosk.KioskException;

/**
 * Where the clerk PIN's hash lives: {@code clerk-pin} in the kiosk's data directory, readable by
 * the kiosk's user only. It holds the salted slow hash ({@link ClerkPinHash#encoded()}), never the
 * PIN. {@code ./kiosk clerk set-pin} writes it.
 */
public final class ClerkPinFile {
    /** The file's name inside {@code kiosk.dataDir}. */
    public static final String NAME = "clerk-pin";

    private final Path file;

    public ClerkPinFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    /** The stored hash; empty when no clerk PIN was set. */
    public Optional<ClerkPinHash> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ClerkPinHash.parse(
                    Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | IllegalArgumentException e) {
            throw new KioskException(
                    KioskErrorCode.CONFIGURATION_INVALID,
                    "the clerk PIN file " + file + " cannot be read (" + e.getMessage()
                            + "): set the PIN again with `./kiosk clerk set-pin`",
                    e);
        }
    }

    /** Replaces the stored hash atomically (owner read/write only). */
    public void write(ClerkPinHash hash) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(NAME + ".new");
            Files.deleteIfExists(temporary);
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, hash.encoded() + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KioskException(
                    KioskErrorCode.CONFIGURATION_INVALID,
                    "cannot write the clerk PIN file " + file + ": " + e.getMessage() + " (check the data directory)",
                    e);
        }
    }
}
