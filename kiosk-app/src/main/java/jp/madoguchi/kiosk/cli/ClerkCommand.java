package jp.madoguchi.kiosk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiosk clerk ...}: clerk-mode work from the command line, over the kiosk's journal. */
@Command(
        name = "clerk",
        mixinStandardHelpOptions = true,
        description = {
            "Clerk mode from the command line, over the kiosk's journal (kiosk.dataDir of --config):",
            "daily close, monthly statements, log export, transaction look-up, the clerk PIN,",
            "a simulated counter terminal with its staff confirmation, and the clerk screens."
        },
        subcommands = {
            ClerkCloseDayCommand.class,
            ClerkStatementCommand.class,
            ClerkExportLogsCommand.class,
            ClerkLookupCommand.class,
            ClerkSetPinCommand.class,
            ClerkCounterDemoCommand.class,
            ClerkUiCommand.class
        })
public final class ClerkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
