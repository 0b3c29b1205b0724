package jp.madoguchi.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.smartcardio.TerminalFactory;
import jp.madoguchi.kiosk.hwcheck.HardwareChecklist;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.printer.EscPosPrinterEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk hw-check} against the simulators that need no system stack: the ESC/POS printer
 * emulator over TCP, the center simulator over real mutual TLS, Pi4J's mock GPIO provider standing
 * in for a Raspberry Pi, and configurations that simulate everything.
 */
class HwCheckCommandTest {
    @TempDir
    static Path shared;

    /** One center for the class: starting one costs seconds of key generation. */
    static CenterSimulator center;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCenter() {
        center = CenterSimulator.builder(shared.resolve("sim")).start();
    }

    @AfterAll
    static void stopCenter() {
        center.close();
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    static final HardwareChecklist.Machine NOT_A_PI =
            new HardwareChecklist.Machine(TerminalFactory.getDefault(), Optional.empty(), () -> {
                throw new AssertionError("no Pi4J context on a machine without GPIO");
            });

    int run(HardwareChecklist.Machine machine, String yaml, String... args) throws IOException {
        Path config = dir.resolve("kiosk.yaml");
        Files.writeString(config, yaml);
        CommandLine line = new CommandLine(new KioskCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        ((HwCheckCommand) line.getSubcommands().get("hw-check").getCommand()).machine = machine;
        String[] all = new String[args.length + 3];
        all[0] = "hw-check";
        all[1] = "--config";
        all[2] = config.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return line.execute(all);
    }

    String row(String device) {
        return out.toString()
                .lines()
                .filter(l -> l.startsWith(device + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + device + " in:\n" + out));
    }

    @Test
    void allSimulatedKioskListsEveryDeviceAsNotUsedAndPasses() throws IOException {
        int status = run(NOT_A_PI, "kiosk: {id: K0042}\n");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("hw-check: kiosk K0042").contains("hw-check: no failures");
        assertThat(row("card reader")).contains("not used").contains("card.source SIMULATED");
        assertThat(row("certificate printer")).contains("not used");
        assertThat(row("receipt printer")).contains("not used");
        assertThat(row("center")).contains("not used");
        assertThat(row("GPIO")).contains("not used").contains("no GPIO: this machine is not a Raspberry Pi");
    }

    @Test
    void gpioPaymentOnAMachineWithoutGpioFails() throws IOException {
        int status = run(NOT_A_PI, "payment: {device: GPIO}\n");

        assertThat(status).isEqualTo(1);
        assertThat(row("GPIO")).contains("FAIL").contains("no GPIO").contains("payment.device is GPIO");
        assertThat(out.toString()).contains("hw-check: 1 failure");
    }

    @Test
    void gpioInputLinesAreReadOnARaspberryPiAndOutputsAreLeftAlone() throws IOException {
        AtomicBoolean opened = new AtomicBoolean();
        HardwareChecklist.Machine pi = new HardwareChecklist.Machine(
                TerminalFactory.getDefault(), Optional.of("Raspberry Pi 4 Model B Rev 1.5"), () -> {
                    opened.set(true);
                    return Pi4J.newContextBuilder()
                            .add(MockDigitalInputProvider.newInstance())
                            .build();
                });

        int status = run(pi, "payment: {device: GPIO, gpio: {coinSignalPin: 5, hopperSensorPin: 6}}\n");

        assertThat(status).isZero();
        assertThat(opened).isTrue();
        assertThat(row("GPIO"))
                .contains("PASS")
                .contains("Raspberry Pi 4 Model B")
                .containsPattern("coin-signal BCM 5 (low|high|unknown)")
                .containsPattern("hopper-sensor BCM 6 (low|high|unknown)")
                .contains("outputs BCM 27, 22 not driven");
    }

    @Test
    void receiptPrinterEmulatorAnswersItsStatusAndPaperOutFails() throws IOException {
        try (EscPosPrinterEmulator printer = EscPosPrinterEmulator.start(0, null)) {
            String yaml = "printers: {receiptSource: REAL, receiptAddress: 'tcp://127.0.0.1:" + printer.port() + "'}\n";

            assertThat(run(NOT_A_PI, yaml)).isZero();
            assertThat(row("receipt printer")).contains("PASS").contains("online, cover closed, paper ok");

            printer.paperOut();
            out.getBuffer().setLength(0);
            assertThat(run(NOT_A_PI, yaml)).isEqualTo(1);
            assertThat(row("receipt printer")).contains("FAIL").contains("paper out");
            assertThat(printer.receipts()).isEmpty();
        }
    }

    @Test
    void receiptPrinterThatIsNotThereFailsWithinTheTimeLimit() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int status = run(
                NOT_A_PI,
                "printers: {receiptSource: REAL, receiptAddress: 'tcp://127.0.0.1:" + closedPort + "'}\n",
                "--timeout",
                "3");

        assertThat(status).isEqualTo(1);
        assertThat(row("receipt printer")).contains("FAIL").contains("127.0.0.1:" + closedPort);
    }

    @Test
    void centerSimulatorCompletesMutualTlsWithThePinnedCaAndTheKioskCertificate() throws IOException {
        center.kioskCredential("K0007");
        Path trust = center.centerCaFile().getParent();

        int status = run(NOT_A_PI, centerYaml("K0007", trust));

        assertThat(status).as(out.toString()).isZero();
        assertThat(row("center")).contains("PASS").contains("TLSv1.3").contains("client certificate K0007");
    }

    @Test
    void centerRefusesAKioskWithoutItsClientCertificate() throws IOException {
        Path trust = Files.createDirectories(dir.resolve("trust-without-client"));
        Files.copy(center.centerCaFile(), trust.resolve("center-ca.crt.pem"));

        int status = run(NOT_A_PI, centerYaml("K0008", trust));

        assertThat(status).isEqualTo(1);
        assertThat(row("center")).contains("FAIL").contains("none found at");
    }

    @Test
    void centerWhoseCertificateIsNotFromThePinnedCaFails() throws IOException {
        center.kioskCredential("K0009");
        Path real = center.centerCaFile().getParent();
        Path trust = Files.createDirectories(dir.resolve("wrong-ca").resolve("kiosks"))
                .getParent();
        // Pin a real CA that did not sign the center's server certificate: the simulated JPKI CA.
        Files.copy(real.resolve("jpki-auth-ca.crt.pem"), trust.resolve("center-ca.crt.pem"));
        Files.copy(real.resolve("kiosks/K0009.crt.pem"), trust.resolve("kiosks/K0009.crt.pem"));
        Files.copy(real.resolve("kiosks/K0009.key.pem"), trust.resolve("kiosks/K0009.key.pem"));

        int status = run(NOT_A_PI, centerYaml("K0009", trust));

        assertThat(status).isEqualTo(1);
        assertThat(row("center")).contains("FAIL").contains("TLS failed");
    }

    private static String centerYaml(String kioskId, Path trust) {
        return "kiosk: {id: " + kioskId + "}\ncenter: {source: REAL, url: '" + center.baseUrl() + "', trustDir: '"
                + trust + "'}\n";
    }

    @Test
    void unreadableConfigurationIsExitTwoWithTheKey() throws IOException {
        int status = run(NOT_A_PI, "printers: {receiptSource: MAYBE}\n");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("printers.receiptSource");
    }
}
