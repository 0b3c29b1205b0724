package jp.madoguchi.kiosk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.demo.SimulatedResident;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.printer.ipp.IppCertificatePrinter;
import jp.madoguchi.printer.ipp.IppPrinterSettings;
import jp.madoguchi.printer.ipp.PrinterState;
import jp.madoguchi.sim.printer.EscPosPrinterEmulator;
import jp.madoguchi.testing.RequiresStack;
import jp.madoguchi.testing.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * printers REAL: the certificate goes over IPP to a real IPP Everywhere printer (CUPS'
 * ippeveprinter on localhost) and the receipt as ESC/POS bytes over TCP to the printer emulator.
 */
@RequiresStack(Stack.IPPEVEPRINTER)
class RealPrintersTest {
    private static final Clock DAYTIME =
            Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2026-06-10T01:00:00Z")));

    /** The print engine of the test printer: reports every page of the PDF printed. */
    private static final String PRINTS_EVERYTHING =
            """
            #!/bin/sh
            pages=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}')
            echo "ATTR: job-impressions-completed=${pages:-0}" >&2
            exit 0
            """;

    @TempDir
    Path dir;

    @Test
    void theCertificatePrintsOnAnIppPrinterAndTheReceiptOnAnEscPosPrinterOverTcp() throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path engine = dir.resolve("engine.sh");
        Files.writeString(engine, PRINTS_EVERYTHING);
        Files.setPosixFilePermissions(engine, PosixFilePermissions.fromString("rwx------"));
        ensureDnsSd();
        int port = freePort();
        Process ipp = new ProcessBuilder(
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
                        "Kiosk test",
                        "madoguchi-kiosk-" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("ippeveprinter.log").toFile())
                .start();
        String uri = "ipp://localhost:" + port + "/ipp/print";
        try (EscPosPrinterEmulator receipts = EscPosPrinterEmulator.start(0, null)) {
            IppCertificatePrinter probe = new IppCertificatePrinter(
                    IppPrinterSettings.forPrinter(java.net.URI.create(uri)).withRequestTimeout(Duration.ofSeconds(2)));
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertThat(ipp.isAlive()).as("ippeveprinter runs").isTrue();
                        return probe.status().state() != PrinterState.UNREACHABLE;
                    });
            KioskConfig base = new KioskConfigLoader(dir.toString()).defaults();
            KioskConfig config = new KioskConfig(
                    new KioskConfig.Kiosk("KP001", base.kiosk().deployment(), dir.resolve("kiosk")),
                    base.card(),
                    base.center(),
                    new KioskConfig.Printers(
                            KioskConfig.Source.REAL,
                            uri,
                            KioskConfig.Source.REAL,
                            "tcp://127.0.0.1:" + receipts.port()),
                    base.payment(),
                    base.ledger(),
                    base.hours(),
                    base.ui());
            try (KioskAssembly kiosk = KioskAssembly.build(
                    config,
                    KioskAssembly.Options.defaults()
                            .withDataDir(dir.resolve("kiosk"))
                            .withClock(DAYTIME))) {
                assertThat(kiosk.simulatedPrinter()).isEmpty();
                assertThat(kiosk.simulatedReceipts()).isEmpty();
                SimulatedResident hands = new SimulatedResident(kiosk, null);
                hands.placeCard(kiosk.residentCard().orElseThrow());
                hands.enterPin("1234");
                hands.choose(List.of(OrderItem.self(CertificateType.RESIDENCE_RECORD)));
                hands.pay(hands.confirmFee(), Yen.of(1000));
                EngineSnapshot printed = hands.awaitPrintingEnd();
                assertThat(printed.state()).isEqualTo(TransactionState.PRINTED);
                assertThat(printed.copiesPrinted()).isEqualTo(1);
                hands.takeCard();
            }
            try (Stream<Path> files = Files.list(spool)) {
                assertThat(files.filter(f -> f.toString().endsWith(".pdf"))).hasSize(1);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !receipts.receipts().isEmpty());
            assertThat(receipts.receipts().get(0).cut()).isTrue();
            assertThat(receipts.receipts().get(0).text()).contains("KP001-").doesNotContain("1234");
        } finally {
            ipp.destroy();
            if (!ipp.waitFor(5, TimeUnit.SECONDS)) {
                ipp.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** ippeveprinter needs DNS-SD: start the system bus and avahi when they are not running. */
    private static void ensureDnsSd() throws Exception {
        if (run("pgrep", "-x", "dbus-daemon") != 0) {
            Files.createDirectories(Path.of("/run/dbus"));
            run("dbus-daemon", "--system", "--fork");
        }
        if (run("pgrep", "-x", "avahi-daemon") != 0) {
            run("avahi-daemon", "-D", "--no-chroot", "--no-rlimits");
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
