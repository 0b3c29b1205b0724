package jp.madoguchi.kiosk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code kiosk bench engine}: the same run as {@code kiosk bench --transactions N --concurrency C},
 * kept under its first name.
 */
@Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        description = "End-to-end engine benchmark (same as `kiosk bench --transactions N --concurrency C`).")
public final class BenchEngineCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    BenchEngineOptions engine;

    @Override
    public Integer call() throws Exception {
        return engine.run().call();
    }
}
