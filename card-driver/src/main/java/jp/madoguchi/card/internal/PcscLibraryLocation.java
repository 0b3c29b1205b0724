package jp.madoguchi.card.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the JDK's PC/SC provider should load libpcsclite from on Debian-style systems.
 *
 * <p>Why: JDK builds without JDK-8009550 look only for an unversioned {@code libpcsclite.so} in
 * {@code /usr/lib64} or {@code /usr/lib}. Debian and Raspberry Pi OS ship that name only in the
 * {@code -dev} package and put the runtime library at {@code /usr/lib/<multiarch>/libpcsclite.so.1},
 * so on a kiosk without build tools the default lookup fails and every reader looks absent. The
 * JDK reads the location once, from the system property {@code sun.security.smartcardio.library},
 * when its provider loads; so the driver sets it (only if nobody did, and only on the PC/SC path)
 * before the provider first loads.
 */
public final class PcscLibraryLocation {
    public static final String PROPERTY = "sun.security.smartcardio.library";

    private static final List<Path> UNVERSIONED = List.of(
            Path.of("/usr/lib64/libpcsclite.so"),
            Path.of("/usr/lib/libpcsclite.so"),
            Path.of("/usr/local/lib64/libpcsclite.so"),
            Path.of("/usr/local/lib/libpcsclite.so"));

    private PcscLibraryLocation() {}

    /**
     * The library path to configure, or empty when the JDK's default lookup will find one (or
     * nothing can be done): only on Linux, when no unversioned library is where the JDK looks, and
     * a versioned one is in the multiarch directory of this architecture.
     */
    public static Optional<Path> fallback(String osName, String osArch, Predicate<Path> exists) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        if (UNVERSIONED.stream().anyMatch(exists)) {
            return Optional.empty();
        }
        return multiarch(osArch)
                .map(triplet -> Path.of("/usr/lib", triplet, "libpcsclite.so.1"))
                .filter(exists);
    }

    /** Sets {@link #PROPERTY} to the fallback when it is unset and the fallback applies. */
    public static void applyIfNeeded() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        fallback(System.getProperty("os.name", ""), System.getProperty("os.arch", ""), Files::exists)
                .ifPresent(path -> System.setProperty(PROPERTY, path.toString()));
    }

    private static Optional<String> multiarch(String osArch) {
        switch (osArch) {
            case "amd64":
            case "x86_64":
                return Optional.of("x86_64-linux-gnu");
            case "aarch64":
            case "arm64":
                return Optional.of("aarch64-linux-gnu");
            case "arm":
                return Optional.of("arm-linux-gnueabihf");
            default:
                return Optional.empty();
        }
    }
}
