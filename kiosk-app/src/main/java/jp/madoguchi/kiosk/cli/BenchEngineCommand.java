package jp.madoguchi.kiosk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk bench engine}: the same run as {@code kiosk bench --transactions N --concurrency C},
 * kept under its first name.
 */
@Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        description = "End-to-end engine benchmark (same as `kiosk bench --transactions N --concurrency C`).")
public final class BenchEngineCommand implements Callable<Integer> {
    @Option(
            names = "--transactions",
            defaultValue = "64",
            description = "Measured transactions in all (default ${DEFAULT-VALUE}).")
    int transactions;

    @Option(names = "--concurrency", defaultValue = "4", description = "Concurrent kiosks (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--warmup",
            defaultValue = "-1",
            description = "Unmeasured transactions first (default: two per kiosk).")
    int warmup;

    @Option(names = "--json", description = "Print one JSON line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return new BenchEngineRun(transactions, concurrency, warmup, json).call();
    }
}
