package jp.madoguchi.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import jp.madoguchi.kiosk.hwcheck.HardwareChecklist;
import jp.madoguchi.printer.ipp.IppCertificatePrinter;
import jp.madoguchi.printer.ipp.IppPrinterSettings;
import jp.madoguchi.printer.ipp.PrinterState;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.Cardholder;
import jp.madoguchi.sim.card.vpcd.VpcdClient;
import jp.madoguchi.testing.RequiresStack;
import jp.madoguchi.testing.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk hw-check} against the real stacks: the simulated My Number card in pcscd's vpcd
 * reader "Virtual PCD 00 01", and CUPS' ippeveprinter as the certificate printer.
 */
class HwCheckStackTest {
    private static final String TEST_READER = "Virtual PCD 00 01";
    private static final int TEST_READER_PORT = 35964;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String yaml) throws IOException {
        Path config = dir.resolve("kiosk.yaml");
        Files.writeString(config, yaml);
        CommandLine line = new CommandLine(new KioskCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(out, true));
        ((HwCheckCommand) line.getSubcommands().get("hw-check").getCommand()).machine = new HardwareChecklist.Machine(
                TerminalFactory.getDefault(), Optional.empty(), () -> {
                    throw new AssertionError("no GPIO here");
                });
        return line.execute("hw-check", "--config", config.toString(), "--timeout", "5");
    }

    private String row(String device) {
        return out.toString()
                .lines()
                .filter(l -> l.startsWith(device + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + device + " in:\n" + out));
    }

    @Test
    @RequiresStack({Stack.PCSCD, Stack.VPCD})
    void vpcdReaderWithTheSimulatedCardShowsItsMyNumberAtr() throws Exception {
        CardSlot slot = new CardSlot("hw-check");
        slot.insert(CardIssuer.open(dir.resolve("sim")).issue(Cardholder.placeholder("R0001")));
        try (VpcdClient vpcd = VpcdClient.start(slot, TEST_READER_PORT)) {
            assertThat(vpcd.awaitState(VpcdClient.State.ACTIVE, Duration.ofSeconds(10)))
                    .as("pcscd talks to the simulated card")
                    .isTrue();
            CardTerminal terminal = TerminalFactory.getDefault().terminals().getTerminal(TEST_READER);
            await().atMost(Duration.ofSeconds(10)).until(terminal::isCardPresent);

            int status = run("card: {source: REAL, readerName: '" + TEST_READER + "'}\n");

            assertThat(status).as(out.toString()).isZero();
            assertThat(row("card reader"))
                    .contains("PASS")
                    .contains("\"" + TEST_READER + "\": card ATR 3BC5FF8131FB458073C6010000 (My Number card)");
        }
    }

    @Test
    @RequiresStack({Stack.PCSCD, Stack.VPCD})
    void readerNameThatPcscdDoesNotKnowFailsAndListsTheReadersItSees() throws IOException {
        int status = run("card: {source: REAL, readerName: 'ACS ACR39U 00 00'}\n");

        assertThat(status).isEqualTo(1);
        assertThat(row("card reader"))
                .contains("FAIL")
                .contains("\"ACS ACR39U 00 00\" is not connected")
                .contains("Virtual PCD 00 00");
    }

    @Test
    @RequiresStack(Stack.IPPEVEPRINTER)
    void ippeveprinterReportsStateReasonsAndA4Media() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Process printer = new ProcessBuilder(
                        "ippeveprinter",
                        "-n",
                        "localhost",
                        "-p",
                        Integer.toString(port),
                        "-d",
                        spool.toString(),
                        "-f",
                        "application/pdf",
                        "-2",
                        "-M",
                        "Madoguchi",
                        "-m",
                        "hw-check MFP",
                        "madoguchi-hw-check-" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("ippeveprinter.log").toFile())
                .start();
        try {
            String uri = "ipp://localhost:" + port + "/ipp/print";
            IppCertificatePrinter client = new IppCertificatePrinter(
                    IppPrinterSettings.forPrinter(java.net.URI.create(uri)).withRequestTimeout(Duration.ofSeconds(2)));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !printer.isAlive() || client.status().state() != PrinterState.UNREACHABLE);
            assertThat(printer.isAlive())
                    .as(Files.readString(dir.resolve("ippeveprinter.log")))
                    .isTrue();

            int status = run("printers: {certificateSource: REAL, certificateUri: '" + uri + "'}\n");

            assertThat(status).as(out.toString()).isZero();
            assertThat(row("certificate printer"))
                    .contains("PASS")
                    .contains("idle, accepting jobs")
                    .contains("iso_a4_210x297mm");

            printer.destroy();
            assertThat(printer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            out.getBuffer().setLength(0);
            assertThat(run("printers: {certificateSource: REAL, certificateUri: '" + uri + "'}\n"))
                    .isEqualTo(1);
            assertThat(row("certificate printer")).contains("FAIL").contains("no IPP answer");
        } finally {
            printer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
