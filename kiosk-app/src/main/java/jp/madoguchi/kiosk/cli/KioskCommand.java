package jp.madoguchi.kiosk.cli;

import picocli.CommandLine.Command;

/** The root {@code kiosk} command; each capability adds a subcommand here. */
@Command(
        name = "kiosk",
        mixinStandardHelpOptions = true,
        version = "Madoguchi 0.1.0",
        description = "Madoguchi (窓口): certificate-issuance kiosk for the My Number card.",
        subcommands = {
            SimCommand.class,
            CardCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            VerifyCommand.class,
            ClerkCommand.class,
            RunCommand.class,
            PackageCommand.class,
            HwCheckCommand.class
        })
public final class KioskCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
