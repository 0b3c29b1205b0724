package jp.madoguchi.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk run}: the packaged kiosk's entry point, checked without opening a window. */
class RunCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(String... args) {
        RunCommand command = new RunCommand();
        command.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingConfigurationFileIsExitTwoWithWhereToLook() {
        int status = run("--config", dir.resolve("absent.yaml").toString());

        assertThat(status).isEqualTo(2);
        assertThat(output()).contains("no configuration file at").contains("docs/deployments.md");
    }

    @Test
    void checkBuildsEveryDeviceAndOpensTheJournalFromTheConfiguration() throws IOException {
        Path data = dir.resolve("data");
        Path config = dir.resolve("kiosk.yaml");
        Files.writeString(config, "kiosk:\n  id: K0042\n  dataDir: " + data + "\n");

        int status = run("--config", config.toString(), "--check");

        assertThat(status).isEqualTo(0);
        assertThat(output())
                .contains("kiosk K0042 (STORE)")
                .contains(data.resolve("journal.db").toString())
                .contains("configuration and devices OK");
        assertThat(data.resolve("journal.db")).exists();
    }
}
