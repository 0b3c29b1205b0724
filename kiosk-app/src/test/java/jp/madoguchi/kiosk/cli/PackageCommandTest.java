package jp.madoguchi.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk package} hands its options to {@code packaging/build-deb.sh} of the source tree
 * and reports what the script did; the package itself is built and installed by
 * {@code packaging/test-deb.sh}.
 */
class PackageCommandTest {
    @TempDir
    Path home;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        PackageCommand command = new PackageCommand();
        command.home = home;
        CommandLine line = new CommandLine(command);
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void outsideASourceCheckoutSaysWherePackagesAreBuilt() {
        int status = run("--arch", "arm64");

        assertThat(status).isEqualTo(PackageCommand.CANNOT_BUILD);
        assertThat(err.toString()).contains("build-deb.sh is missing").contains("source checkout");
    }

    @Test
    void optionsReachTheScriptAndItsExitStatusIsTheCommands() throws IOException {
        Path script = Files.createDirectories(home.resolve("packaging")).resolve("build-deb.sh");
        Path seen = home.resolve("args.txt");
        Files.writeString(script, "printf '%s\\n' \"$@\" > '" + seen + "'\nexit 7\n");

        int status =
                run("--arch", "arm64", "--out", "/tmp/debs", "--version", "1.2.3", "--fast", "--xz", "--system-java");

        assertThat(status).isEqualTo(7);
        assertThat(Files.readAllLines(seen))
                .containsExactly(
                        "--arch",
                        "arm64",
                        "--out",
                        "/tmp/debs",
                        "--version",
                        "1.2.3",
                        "--fast",
                        "--xz",
                        "--system-java");
    }
}
