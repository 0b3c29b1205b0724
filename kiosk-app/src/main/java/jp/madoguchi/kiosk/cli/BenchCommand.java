package jp.madoguchi.kiosk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiosk bench ...}: benchmarks that print their figures. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (APDU counts, times, end-to-end throughput).",
        subcommands = {BenchCenterCommand.class, BenchEngineCommand.class, BenchCardCommand.class, BenchUiCommand.class
        })
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
