package jp.madoguchi.kiosk.cli;

import picocli.CommandLine;

/** Entry point of {@code ./kiosk}: parses the command line and runs one subcommand. */
public final class KioskMain {
    private KioskMain() {}

    public static void main(String[] args) {
        int status = new CommandLine(new KioskCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
        System.exit(status);
    }
}
