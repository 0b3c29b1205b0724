package jp.madoguchi.kiosk.counter;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.madoguchi.printer.ipp.IppCertificatePrinter;
import jp.madoguchi.printer.ipp.IppPrinterSettings;
import jp.madoguchi.printer.ipp.PrinterState;

/**
 * The counter's back-office A4 printer for tests: CUPS' {@code ippeveprinter} on localhost, a
 * real IPP Everywhere printer whose "engine" is a shell script that reports every page of the
 * spooled PDF as printed. It keeps the spooled files ({@code -k}) so a test can count them.
 */
final class BackOfficePrinter implements AutoCloseable {
    private static final String ENGINE =
            """
            #!/bin/sh
            pages=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}')
            echo "ATTR: job-impressions-completed=${pages:-0}" >&2
            exit 0
            """;

    private final Process process;
    private final Path spool;
    private final int port;

    private BackOfficePrinter(Process process, Path spool, int port) {
        this.process = process;
        this.spool = spool;
        this.port = port;
    }

    static BackOfficePrinter start(Path dir) throws IOException {
        startDnsSd();
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path engine = dir.resolve("engine.sh");
        Files.writeString(engine, ENGINE);
        Files.setPosixFilePermissions(engine, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process process = new ProcessBuilder(
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
                        engine.toString(),
                        "-M",
                        "Madoguchi",
                        "-m",
                        "Back office MFP",
                        "madoguchi-backoffice-" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("ippeveprinter.log").toFile())
                .start();
        BackOfficePrinter printer = new BackOfficePrinter(process, spool, port);
        IppCertificatePrinter client = new IppCertificatePrinter(
                IppPrinterSettings.forPrinter(printer.uri()).withRequestTimeout(Duration.ofSeconds(2)));
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "ippeveprinter exited: " + Files.readString(dir.resolve("ippeveprinter.log")));
                    }
                    return client.status().state() != PrinterState.UNREACHABLE;
                });
        return printer;
    }

    URI uri() {
        return URI.create("ipp://localhost:" + port + "/ipp/print");
    }

    /** The PDFs the printer received, oldest first. */
    List<Path> spooledPdfs() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** ippeveprinter announces itself over DNS-SD and will not start without the system bus and avahi. */
    private static synchronized void startDnsSd() throws IOException {
        if (run("pgrep", "-x", "dbus-daemon") != 0) {
            Files.createDirectories(Path.of("/run/dbus"));
            run("dbus-daemon", "--system", "--fork");
        }
        if (run("pgrep", "-x", "avahi-daemon") != 0) {
            run("avahi-daemon", "-D", "--no-chroot", "--no-rlimits");
        }
    }

    private static int run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
