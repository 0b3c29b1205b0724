package jp.madoguchi.kiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk package}: builds the Debian package (a jlink runtime plus the application) by
 * running {@code packaging/build-deb.sh} of the source tree the launcher runs from. The script is
 * the one place that knows the package layout; this command gives it the launcher's name and a
 * bounded run time.
 */
@Command(
        name = "package",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Builds madoguchi_<version>_<arch>.deb from this source tree: a jlink'ed Java 17 runtime and the",
            "application in /opt/madoguchi, /usr/bin/madoguchi, /etc/madoguchi/kiosk.yaml, data in",
            "/var/lib/madoguchi, rolling logs in /var/log/madoguchi, madoguchi.service (cage kiosk session).",
            "Layout and installation: packaging/README.md."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:built; the last line printed is the .deb's path",
            "2:cannot build here (no source tree, missing tools, wrong option)",
            "3:the build took longer than --timeout minutes and was stopped"
        })
public final class PackageCommand implements Callable<Integer> {
    static final int CANNOT_BUILD = 2;
    static final int TIMED_OUT = 3;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--arch",
            paramLabel = "ARCH",
            description = "amd64 or arm64 (Raspberry Pi 4/5); default: this machine's.")
    String arch;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the .deb goes; default: packaging/target.")
    Path out;

    @Option(
            names = "--version",
            paramLabel = "V",
            description = "Debian version; default: the Maven version (snapshots: ~snapshot<commit time>).")
    String version;

    @Option(names = "--fast", description = "Compress quickly (gzip -1) instead of zstd: for tests.")
    boolean fast;

    @Option(names = "--xz", description = "Compress with xz (slow) for dpkg older than Debian 12's.")
    boolean xz;

    @Option(names = "--system-java", description = "No bundled runtime: depend on Debian's openjdk-17-jre instead.")
    boolean systemJava;

    @Option(
            names = "--timeout",
            paramLabel = "MINUTES",
            defaultValue = "20",
            description = "Stop the build after this many minutes (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    /** The source tree; {@code ./kiosk} passes its own directory as {@code madoguchi.home}. */
    Path home = Path.of(System.getProperty("madoguchi.home", "."));

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Path script = home.resolve("packaging/build-deb.sh").toAbsolutePath().normalize();
        if (!Files.isRegularFile(script)) {
            err.println("kiosk package: " + script + " is missing; packages are built from a source checkout"
                    + " (run ./kiosk package in the repository)");
            return CANNOT_BUILD;
        }
        Process build = new ProcessBuilder(command(script)).inheritIO().start();
        if (!build.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            build.descendants().forEach(ProcessHandle::destroy);
            build.destroy();
            err.println("kiosk package: the build took longer than " + timeoutMinutes + " minutes and was stopped");
            return TIMED_OUT;
        }
        return build.exitValue();
    }

    List<String> command(Path script) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        if (arch != null) {
            command.addAll(List.of("--arch", arch));
        }
        if (out != null) {
            command.addAll(List.of("--out", out.toAbsolutePath().toString()));
        }
        if (version != null) {
            command.addAll(List.of("--version", version));
        }
        if (fast) {
            command.add("--fast");
        }
        if (xz) {
            command.add("--xz");
        }
        if (systemJava) {
            command.add("--system-java");
        }
        return command;
    }
}
