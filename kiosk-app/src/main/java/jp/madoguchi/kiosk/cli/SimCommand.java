package jp.madoguchi.kiosk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiosk sim ...}: run one simulator on its own. */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description = "Run one simulator (card, center, printer) on its own.",
        subcommands = {SimCardCommand.class, SimCenterCommand.class, SimPrinterCommand.class})
public final class SimCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
