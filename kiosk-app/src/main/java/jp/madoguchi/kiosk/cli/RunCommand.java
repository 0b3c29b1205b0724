package jp.madoguchi.kiosk.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.transaction.RecoveryReport;
import jp.madoguchi.kiosk.ui.KioskDesktop;
import jp.madoguchi.kiosk.ui.UiSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk run}: the production entry point (design §9). Loads one configuration file, which
 * chooses real devices or simulators per device, recovers what a power cut left in the journal,
 * and opens the touchscreen (full screen when {@code ui.fullScreen} is set, as in the packaged
 * kiosk session). Unlike {@code demo} it never invents a temporary data directory or a clock.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the kiosk from a configuration file (real devices or simulators, per device),",
            "after start-up recovery of the journal. The packaged kiosk session runs",
            "`madoguchi run --config /etc/madoguchi/kiosk.yaml`."
        })
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Configuration file (YAML).")
    Path config;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory (journal); default: kiosk.dataDir of the configuration.")
    Path data;

    @Option(names = "--windowed", description = "Open a normal window even if ui.fullScreen is set (set-up).")
    boolean windowed;

    @Option(
            names = "--check",
            description = "Load and validate the configuration, build every device, run recovery, then stop.")
    boolean check;

    /** Where the command reports; tests replace it. */
    PrintStream out = System.out;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(config)) {
            out.println("kiosk run: no configuration file at " + config
                    + " (see docs/deployments.md for a complete example).");
            return 2;
        }
        if (!check) {
            Optional<String> noDisplay = KioskDesktop.displayProblem();
            if (noDisplay.isPresent()) {
                out.println("kiosk run: cannot open the touchscreen: " + noDisplay.get()
                        + ". The packaged kiosk runs it inside a cage (Wayland) session; for a check without a"
                        + " screen use `--check`.");
                return 2;
            }
        }
        KioskConfig cfg = new KioskConfigLoader(System.getProperty("user.home")).load(config);
        KioskAssembly.Options options = KioskAssembly.Options.defaults().withDataDir(data);
        if (check) {
            try (KioskAssembly kiosk = KioskAssembly.build(cfg, options)) {
                started(kiosk, cfg);
                out.println("kiosk run: configuration and devices OK");
                return 0;
            }
        }
        UiSettings settings = UiSettings.from(cfg).withFullScreen(cfg.ui().fullScreen() && !windowed);
        // The touchscreen opens at once (home says 準備中) while the devices start and recovery runs.
        return KioskDesktop.runWhileAssembling(
                () -> KioskAssembly.build(cfg, options), kiosk -> started(kiosk, cfg), settings, false, out);
    }

    private void started(KioskAssembly kiosk, KioskConfig cfg) {
        out.printf(
                "kiosk run: kiosk %s (%s), journal %s%n",
                kiosk.kioskId(), cfg.kiosk().deployment(), kiosk.journalFile());
        for (RecoveryReport r : kiosk.recovery()) {
            out.printf(
                    "kiosk run: recovered %s from %s to %s (refund voucher %s, voided at center: %s)%n",
                    r.transactionId().value(), r.foundIn(), r.endedIn(), r.refundVoucher(), r.voidedAtCenter());
        }
    }
}
