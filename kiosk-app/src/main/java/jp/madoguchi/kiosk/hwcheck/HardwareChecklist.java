package jp.madoguchi.kiosk.hwcheck;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.smartcardio.TerminalFactory;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfig.Source;
import jp.madoguchi.printer.ipp.IppCertificatePrinter;
import jp.madoguchi.printer.ipp.IppPrinterSettings;
import jp.madoguchi.printer.receipt.EscPosLink;
import jp.madoguchi.printer.receipt.EscPosReceiptPrinter;

/**
 * The checks a configuration calls for, in the order a technician walks the kiosk: card reader,
 * certificate printer, receipt printer, GPIO, center. All run at once, each within a time limit,
 * so that one dead device costs at most that limit and never hangs the command.
 */
public final class HardwareChecklist {
    private final List<HardwareCheck> checks;
    private final Duration limit;

    /**
     * What the checks reach on this machine.
     *
     * @param pcsc the PC/SC terminal factory
     * @param board the Raspberry Pi model, or empty
     * @param pi4j opens a Pi4J context with real GPIO providers
     */
    public record Machine(TerminalFactory pcsc, Optional<String> board, Supplier<Context> pi4j) {
        /** PC/SC through pcscd; GPIO through Pi4J's libgpiod provider when this is a Raspberry Pi. */
        public static Machine thisMachine() {
            return new Machine(
                    TerminalFactory.getDefault(), GpioLinesCheck.raspberryPiModel(), () -> Pi4J.newContextBuilder()
                            .add(com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider.newInstance())
                            .build());
        }
    }

    public HardwareChecklist(List<HardwareCheck> checks, Duration limit) {
        this.checks = List.copyOf(checks);
        this.limit = limit;
    }

    /** The checks for the devices {@code config} names; simulated devices get a "not used" row. */
    public static HardwareChecklist forConfig(KioskConfig config, Machine machine, Duration limit) {
        List<HardwareCheck> checks = new ArrayList<>();
        checks.add(
                config.card().source() == Source.REAL
                        ? new CardReaderCheck(machine.pcsc(), config.card().readerName())
                        : notUsed(CardReaderCheck.DEVICE, "card.source SIMULATED (the in-process simulated card)"));
        KioskConfig.Printers printers = config.printers();
        if (printers.certificateSource() == Source.REAL) {
            URI uri = URI.create(printers.certificateUri());
            checks.add(new CertificatePrinterCheck(
                    new IppCertificatePrinter(IppPrinterSettings.forPrinter(uri).withRequestTimeout(limit)),
                    uri.toString()));
        } else {
            checks.add(notUsed(CertificatePrinterCheck.DEVICE, "printers.certificateSource SIMULATED"));
        }
        if (printers.receiptSource() == Source.REAL) {
            String address = printers.receiptAddress();
            Duration open = limit.dividedBy(2);
            EscPosLink link;
            if (address.startsWith("tcp://")) {
                URI uri = URI.create(address);
                link = EscPosLink.tcp(uri.getHost(), uri.getPort() < 0 ? 9100 : uri.getPort(), open);
            } else {
                link = EscPosLink.device(Path.of(address), open);
            }
            checks.add(new ReceiptPrinterCheck(new EscPosReceiptPrinter(link, Duration.ofSeconds(2)), address));
        } else {
            checks.add(notUsed(ReceiptPrinterCheck.DEVICE, "printers.receiptSource SIMULATED"));
        }
        checks.add(new GpioLinesCheck(config.payment(), machine.board(), machine.pi4j()));
        checks.add(
                config.center().source() == Source.REAL
                        ? new CenterReachabilityCheck(
                                URI.create(config.center().url()),
                                config.center().trustDir(),
                                config.kiosk().id(),
                                limit)
                        : notUsed(CenterReachabilityCheck.DEVICE, "center.source SIMULATED (the in-process center)"));
        return new HardwareChecklist(checks, limit);
    }

    private static HardwareCheck notUsed(String device, String why) {
        return new HardwareCheck() {
            @Override
            public String device() {
                return device;
            }

            @Override
            public CheckResult run() {
                return CheckResult.notUsed(device, why);
            }
        };
    }

    /** Runs every check; a check that overruns the limit or throws is a FAIL row. */
    public List<CheckResult> run() {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, checks.size()), r -> {
            Thread t = new Thread(r, "hw-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CheckResult>> running = new ArrayList<>();
            for (HardwareCheck check : checks) {
                running.add(pool.submit(check::run));
            }
            long deadline = System.nanoTime() + limit.toNanos() + TimeUnit.SECONDS.toNanos(1);
            List<CheckResult> results = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                String device = checks.get(i).device();
                Future<CheckResult> future = running.get(i);
                try {
                    results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    future.cancel(true);
                    results.add(CheckResult.fail(device, "no answer within " + limit.toSeconds() + " s"));
                } catch (ExecutionException e) {
                    results.add(CheckResult.fail(device, "the check failed: " + e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results.add(CheckResult.fail(device, "interrupted"));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The results as a plain-text table, then one summary line. */
    public static String table(List<CheckResult> results) {
        int width = Math.max(
                6, results.stream().mapToInt(r -> r.device().length()).max().orElse(6));
        StringBuilder out = new StringBuilder();
        String format = "%-" + width + "s  %-8s  %s%n";
        out.append(String.format(format, "device", "result", "detail"));
        for (CheckResult r : results) {
            out.append(String.format(format, r.device(), r.status().label(), r.detail()));
        }
        long failures =
                results.stream().filter(r -> r.status() == CheckStatus.FAIL).count();
        out.append(
                failures == 0
                        ? "hw-check: no failures"
                        : "hw-check: " + failures + (failures == 1 ? " failure" : " failures"));
        out.append(System.lineSeparator());
        return out.toString();
    }
}
