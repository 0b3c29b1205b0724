package jp.madoguchi.kiosk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiosk bench ...}: end-to-end benchmarks that print their figures. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "End-to-end benchmarks (figures on stdout).",
        subcommands = {BenchCenterCommand.class, BenchEngineCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
