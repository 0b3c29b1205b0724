package jp.madoguchi.kiosk.cli;

import picocli.CommandLine.Option;

/** The engine benchmark's options, shared by {@code kiosk bench} and its alias {@code kiosk bench engine}. */
final class BenchEngineOptions {
    @Option(
            names = "--transactions",
            defaultValue = "64",
            description = "Measured transactions in all (default ${DEFAULT-VALUE}; the soak defaults to 1000).")
    int transactions;

    @Option(names = "--concurrency", defaultValue = "4", description = "Concurrent kiosks (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--warmup",
            defaultValue = "-1",
            description = "Unmeasured transactions first, to warm the JIT (default: two per kiosk).")
    int warmup;

    @Option(names = "--json", description = "Print one JSON line.")
    boolean json;

    /** The run these options describe. */
    BenchEngineRun run() {
        return new BenchEngineRun(transactions, concurrency, warmup, json);
    }
}
