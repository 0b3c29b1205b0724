package jp.madoguchi.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import jp.madoguchi.kiosk.KioskException;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.hwcheck.CheckResult;
import jp.madoguchi.kiosk.hwcheck.CheckStatus;
import jp.madoguchi.kiosk.hwcheck.HardwareChecklist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiosk hw-check}: the technician's smoke test of the devices the configuration names. */
@Command(
        name = "hw-check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Checks the kiosk's hardware after installation, without printing or paying anything: the card",
            "reader through PC/SC (and the card's ATR if one is inserted), the certificate printer over IPP",
            "(state, reasons, media), the receipt printer's ESC/POS status (DLE EOT), the GPIO input lines of",
            "the coin acceptor and hopper (Raspberry Pi), and a TLS handshake with the center. Devices the",
            "configuration simulates are listed as 'not used'."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no failures", "1:at least one device failed", "2:the configuration cannot be read"})
public final class HwCheckCommand implements Callable<Integer> {
    static final Path INSTALLED_CONFIG = Path.of("/etc/madoguchi/kiosk.yaml");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration (YAML); default: " + "/etc/madoguchi/kiosk.yaml when it exists, else the"
                    + " embedded all-simulated defaults.")
    Path config;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "The longest wait for any one device (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** The machine the checks run on; tests replace it. */
    HardwareChecklist.Machine machine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            err.println("kiosk hw-check: --timeout must be 1..300 seconds");
            return 2;
        }
        KioskConfig cfg;
        Path file = config != null ? config : Files.isRegularFile(INSTALLED_CONFIG) ? INSTALLED_CONFIG : null;
        try {
            KioskConfigLoader loader = new KioskConfigLoader(System.getProperty("user.home"));
            cfg = file == null ? loader.defaults() : loader.load(file);
        } catch (KioskException e) {
            err.println("kiosk hw-check: " + e.getMessage());
            return 2;
        }
        out.println("hw-check: kiosk " + cfg.kiosk().id() + ", configuration "
                + (file == null ? "embedded defaults (all simulated)" : file.toString()));
        HardwareChecklist.Machine here = machine != null ? machine : HardwareChecklist.Machine.thisMachine();
        List<CheckResult> results = HardwareChecklist.forConfig(cfg, here, Duration.ofSeconds(timeoutSeconds))
                .run();
        out.print(HardwareChecklist.table(results));
        out.flush();
        return results.stream().anyMatch(r -> r.status() == CheckStatus.FAIL) ? 1 : 0;
    }
}
