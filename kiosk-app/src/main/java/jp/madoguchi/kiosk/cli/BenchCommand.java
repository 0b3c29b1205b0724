package jp.madoguchi.kiosk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk bench ...}: benchmarks that print their figures. Without a subcommand it runs the
 * end-to-end engine benchmark ({@code --transactions N --concurrency C}), the crash-injection run
 * ({@code --crash-injection}) or the memory soak ({@code --soak}).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmarks that print figures (APDU counts, times, end-to-end throughput).",
            "Without a subcommand: C concurrent headless kiosks against one center simulator",
            "(--transactions N --concurrency C), or --crash-injection, or --soak."
        },
        subcommands = {
            BenchCenterCommand.class,
            BenchEngineCommand.class,
            BenchCardCommand.class,
            BenchCrashChildCommand.class,
            BenchUiCommand.class
        })
public final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    BenchEngineOptions engine;

    @Option(
            names = "--crash-injection",
            description = "Kill a child engine JVM (SIGKILL) at every journal state, restart it, recover, check.")
    boolean crashInjection;

    @Option(
            names = {"--soak", "--memory"},
            description = "Memory soak: 1000 transactions (or --transactions) on one kiosk unless --concurrency is"
                    + " given; prints heap and RSS at start and end.")
    boolean soak;

    @Override
    public Integer call() throws Exception {
        if (crashInjection) {
            return new BenchCrashInjection(engine.json).call();
        }
        BenchEngineRun run = engine.run();
        return soak ? run.soak(wasGiven("--transactions"), wasGiven("--concurrency")) : run.call();
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private boolean wasGiven(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
