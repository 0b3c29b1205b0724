package jp.madoguchi.kiosk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiosk card ...}: card diagnostics for clerks and developers. */
@Command(
        name = "card",
        mixinStandardHelpOptions = true,
        description = "Card diagnostics: reader, card kind, certificate, PIN tries, a test signature.",
        subcommands = {CardInfoCommand.class, CardSignCommand.class})
public final class CardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
