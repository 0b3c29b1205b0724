package jp.madoguchi.kiosk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.sim.printer.EmulatedReceipt;
import jp.madoguchi.sim.printer.EscPosPrinterEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiosk sim printer}: the ESC/POS receipt-printer emulator on its own. */
@Command(
        name = "printer",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the ESC/POS receipt-printer emulator on 127.0.0.1: it prints each receipt (up to its cut) to"
                    + " DIR/receipt-NNNN.png and .txt, answers DLE EOT status requests, and can run out of paper"
                    + " or open its cover on command. Runs until 'quit', Ctrl-C or SIGTERM."
        },
        footer = {
            "",
            "Commands on stdin: paper-out, paper-in, near-end, paper-ok, paper-ends N (after N more lines),"
                    + " cover-open, cover-close, offline, online, status, quit."
        })
public final class SimPrinterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--escpos-port",
            paramLabel = "PORT",
            defaultValue = "9100",
            description = "TCP port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "receipts",
            description = "Where receipt images and texts go (default ./${DEFAULT-VALUE}).")
    Path outDir;

    @Option(
            names = "--pipes",
            paramLabel = "DIR",
            description = "Also serve a device-style link: named pipes DIR/to-printer and DIR/from-printer"
                    + " (created if missing) for EscPosLink.device.")
    Path pipesDir;

    @Option(names = "--paper-out", description = "Start with no paper.")
    boolean paperOut;

    @Option(names = "--cover-open", description = "Start with the cover open.")
    boolean coverOpen;

    @Option(names = "--near-end", description = "Start with the paper near its end.")
    boolean nearEnd;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EscPosPrinterEmulator printer;
        try {
            printer = EscPosPrinterEmulator.start(port, outDir);
        } catch (UncheckedIOException e) {
            err.println(
                    "kiosk sim printer: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
            return 2;
        }
        printer.onReceipt(receipt -> announce(out, receipt));
        if (paperOut) {
            printer.paperOut();
        }
        if (coverOpen) {
            printer.openCover();
        }
        if (nearEnd) {
            printer.paperNearEnd(true);
        }
        out.println(
                "ESC/POS printer emulator on 127.0.0.1:" + printer.port() + "; receipts in " + outDir.toAbsolutePath());
        if (pipesDir != null) {
            try {
                Path to = pipe(pipesDir.resolve("to-printer"));
                Path from = pipe(pipesDir.resolve("from-printer"));
                printer.attachPipes(to, from);
                out.println("device link: write " + to.toAbsolutePath() + ", read " + from.toAbsolutePath());
            } catch (IOException e) {
                err.println("kiosk sim printer: cannot create the pipes in " + pipesDir + ": " + e.getMessage());
                printer.close();
                return 2;
            }
        }
        out.println("printer: " + printer.describe());
        out.println("Commands: paper-out, paper-in, near-end, paper-ok, paper-ends N, cover-open, cover-close,"
                + " offline, online, status, quit.");
        out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "sim-printer-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread commands = new Thread(() -> readCommands(out, printer, stopped), "sim-printer-commands");
        commands.setDaemon(true);
        commands.start();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        printer.close();
        out.println("Stopped: " + printer.receipts().size() + " receipt(s) printed.");
        out.flush();
        return 0;
    }

    private static void announce(PrintWriter out, EmulatedReceipt receipt) {
        out.println("receipt " + receipt.number() + (receipt.cut() ? "" : " (not cut: buffer cleared)")
                + receipt.png().map(p -> ": " + p.toAbsolutePath()).orElse(""));
        receipt.text().lines().forEach(line -> out.println("  | " + line));
        out.flush();
    }

    private static Path pipe(Path path) throws IOException {
        if (!Files.exists(path)) {
            Files.createDirectories(path.getParent());
            try {
                Process mkfifo = new ProcessBuilder("mkfifo", path.toString())
                        .inheritIO()
                        .start();
                if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                    throw new IOException("mkfifo " + path + " failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted creating " + path);
            }
        }
        return path;
    }

    private static void readCommands(PrintWriter out, EscPosPrinterEmulator printer, CountDownLatch stopped) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
                try {
                    switch (words[0]) {
                        case "" -> {}
                        case "paper-out" -> printer.paperOut();
                        case "paper-in" -> printer.paperIn();
                        case "near-end" -> printer.paperNearEnd(true);
                        case "paper-ok" -> printer.paperNearEnd(false);
                        case "paper-ends" -> printer.paperEndsAfterLines(Integer.parseInt(words[1]));
                        case "cover-open" -> printer.openCover();
                        case "cover-close" -> printer.closeCover();
                        case "offline" -> printer.goOffline();
                        case "online" -> printer.goOnline();
                        case "status" -> {}
                        case "quit", "exit" -> {
                            stopped.countDown();
                            return;
                        }
                        default -> {
                            out.println("unknown command; use paper-out, paper-in, near-end, paper-ok, paper-ends N,"
                                    + " cover-open, cover-close, offline, online, status, quit");
                            out.flush();
                            continue;
                        }
                    }
                    out.println("printer: " + printer.describe());
                } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                    out.println("paper-ends needs a number of lines");
                }
                out.flush();
            }
        } catch (IOException e) {
            out.println("stdin closed: " + e.getMessage());
            out.flush();
        }
        // End of stdin (e.g. run in the background): keep printing until Ctrl-C or SIGTERM.
    }
}
