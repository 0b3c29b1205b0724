package jp.madoguchi.card.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PcscLibraryLocationTest {
    private static final Path DEBIAN_AMD64 = Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1");
    private static final Path DEBIAN_ARM64 = Path.of("/usr/lib/aarch64-linux-gnu/libpcsclite.so.1");

    @Test
    void debianWithoutDevPackageUsesTheVersionedMultiarchLibrary() {
        assertThat(PcscLibraryLocation.fallback("Linux", "amd64", Set.of(DEBIAN_AMD64)::contains))
                .contains(DEBIAN_AMD64);
        assertThat(PcscLibraryLocation.fallback("Linux", "aarch64", Set.of(DEBIAN_ARM64)::contains))
                .contains(DEBIAN_ARM64);
    }

    @Test
    void unversionedLibraryWhereTheJdkLooksNeedsNothing() {
        Set<Path> files = Set.of(DEBIAN_AMD64, Path.of("/usr/lib/libpcsclite.so"));

        assertThat(PcscLibraryLocation.fallback("Linux", "amd64", files::contains))
                .isEmpty();
    }

    @Test
    void otherSystemsAndMissingLibrariesAreLeftToTheJdk() {
        assertThat(PcscLibraryLocation.fallback("Mac OS X", "aarch64", p -> true))
                .isEmpty();
        assertThat(PcscLibraryLocation.fallback("Linux", "amd64", p -> false)).isEmpty();
        assertThat(PcscLibraryLocation.fallback(
                        "Linux", "riscv64", p -> !p.toString().endsWith(".so")))
                .isEmpty();
    }
}
