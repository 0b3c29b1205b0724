package jp.madoguchi.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real IPP Everywhere printer for tests: CUPS' {@code ippeveprinter}, bound to localhost, with a
 * spool directory whose files it keeps ({@code -k}), and a "print command" script standing in for
 * the print engine. The script receives the spooled file and talks back the way ippeveprinter
 * defines on its stderr: {@code ATTR: job-impressions-completed=N} for pages printed and
 * {@code STATE: +media-jam} for printer-state-reasons, so jams and stuck jobs are real printer
 * states seen over IPP. Shared by the printer-driver and kiosk-app tests.
 */
public final class IppEvePrinter implements AutoCloseable {
    /** Prints the whole file: reports every page of the PDF as an impression and finishes. */
    public static final String PRINTS_EVERYTHING =
            """
            #!/bin/sh
            pages=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}')
            echo "ATTR: job-impressions-completed=${pages:-0}" >&2
            exit 0
            """;

    /** Prints one page, then the paper jams: the engine stops and the job ends only after 2 s. */
    public static final String JAMS_AFTER_ONE_PAGE =
            """
            #!/bin/sh
            echo "ATTR: job-impressions-completed=1" >&2
            echo "STATE: +media-jam" >&2
            sleep 2
            exit 1
            """;

    /** A job that takes far longer than any kiosk time limit (bounded so the test printer ends). */
    public static final String NEVER_FINISHES =
            """
            #!/bin/sh
            sleep 2
            exit 0
            """;

    private final Process process;
    private final Path spool;
    private final int port;

    private IppEvePrinter(Process process, Path spool, int port) {
        this.process = process;
        this.spool = spool;
        this.port = port;
    }

    /** Starts a duplex PDF printer whose engine runs {@code script}; waits until it answers IPP. */
    public static IppEvePrinter start(Path workDir, String script) {
        try {
            ensureDnsSd();
            Path spool = Files.createDirectories(workDir.resolve("spool"));
            Path command = workDir.resolve("engine.sh");
            Files.writeString(command, script);
            Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwxr-xr-x"));
            int port = freePort();
            List<String> args = new ArrayList<>(List.of(
                    "ippeveprinter",
                    "-k",
                    "-n",
                    "localhost",
                    "-p",
                    Integer.toString(port),
                    "-d",
                    spool.toString(),
                    "-f",
                    "application/pdf",
                    "-2",
                    "-c",
                    command.toString(),
                    "-M",
                    "Madoguchi",
                    "-m",
                    "Test MFP",
                    "madoguchi-test-" + port));
            Process process = new ProcessBuilder(args)
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("ippeveprinter.log").toFile())
                    .start();
            IppEvePrinter printer = new IppEvePrinter(process, spool, port);
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "ippeveprinter exited: " + Files.readString(workDir.resolve("ippeveprinter.log")));
                        }
                        return accepts(port);
                    });
            return printer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("ipp://localhost:" + port + "/ipp/print");
    }

    /** The PDF files the printer spooled, oldest first. */
    public List<Path> spooledPdfs() {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pdf"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the printer (as if switched off). */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** True once the printer's IPP port takes connections. */
    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** ippeveprinter refuses to start without DNS-SD: start the system bus and avahi if they are not running. */
    private static synchronized void ensureDnsSd() throws IOException {
        if (!running("dbus-daemon")) {
            Files.createDirectories(Path.of("/run/dbus"));
            run("dbus-daemon", "--system", "--fork");
        }
        if (!running("avahi-daemon")) {
            run("avahi-daemon", "-D", "--no-chroot", "--no-rlimits");
        }
    }

    private static boolean running(String name) throws IOException {
        return run("pgrep", "-x", name) == 0;
    }

    private static int run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
