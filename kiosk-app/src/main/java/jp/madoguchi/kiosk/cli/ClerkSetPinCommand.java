package jp.madoguchi.kiosk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import jp.madoguchi.kiosk.clerk.ClerkPinFile;
import jp.madoguchi.kiosk.clerk.ClerkPinHash;
import jp.madoguchi.kiosk.config.KioskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk clerk set-pin}: stores a new clerk PIN as a salted slow hash. */
@Command(
        name = "set-pin",
        mixinStandardHelpOptions = true,
        description = {
            "Sets the clerk PIN (6 to 12 digits): asks twice on the terminal, or reads one line from",
            "standard input with --stdin. Only its salted PBKDF2 hash is stored, in <dataDir>/clerk-pin."
        })
public final class ClerkSetPinCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ClerkJournalOptions where = new ClerkJournalOptions();

    @Option(names = "--stdin", description = "Read the PIN from one line of standard input (for provisioning).")
    boolean stdin;

    /** Where --stdin reads from (tests hand in their own stream). */
    java.io.InputStream input = System.in;

    @Override
    public Integer call() throws IOException {
        KioskConfig config = where.loadConfig();
        char[] pin = null;
        char[] again = null;
        try {
            if (stdin) {
                String line = new BufferedReader(new InputStreamReader(input, StandardCharsets.US_ASCII)).readLine();
                pin = line == null ? new char[0] : line.strip().toCharArray();
            } else {
                Console console = System.console();
                if (console == null) {
                    spec.commandLine()
                            .getErr()
                            .println(
                                    "no terminal to ask on: run in a terminal, or pass the PIN on standard input with --stdin");
                    return 2;
                }
                pin = console.readPassword("new clerk PIN (6-12 digits): ");
                again = console.readPassword("again: ");
                if (pin == null || again == null || !Arrays.equals(pin, again)) {
                    spec.commandLine().getErr().println("the two PINs differ: nothing changed");
                    return 2;
                }
            }
            if (!validPin(pin)) {
                spec.commandLine().getErr().println("a clerk PIN is 6 to 12 digits: nothing changed");
                return 2;
            }
            ClerkPinFile file = new ClerkPinFile(where.dataDir(config));
            file.write(ClerkPinHash.create(pin, new SecureRandom()));
            spec.commandLine()
                    .getOut()
                    .println("clerk PIN set: " + file.path() + " (salted hash only; restart the kiosk to use it)");
            return 0;
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }

    static boolean validPin(char[] pin) {
        if (pin.length < 6 || pin.length > 12) {
            return false;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
