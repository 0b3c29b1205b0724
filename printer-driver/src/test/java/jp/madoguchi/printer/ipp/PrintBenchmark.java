package jp.madoguchi.printer.ipp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import jp.madoguchi.printer.SampleCertificate;
import jp.madoguchi.printer.TestIssuer;
import jp.madoguchi.printer.seal.AntiForgeryOverlay;
import jp.madoguchi.printer.seal.CertificateMetadata;
import jp.madoguchi.printer.seal.PrintableCertificate;
import jp.madoguchi.printer.seal.ScrambleKey;
import jp.madoguchi.testing.IppEvePrinter;

/**
 * Benchmark, not a test: p50/p95 of the anti-forgery overlay and of printing (status, Print-Job,
 * monitoring to completion) on a real ippeveprinter, for 1-page and 3-page certificates. Run with
 * {@code printer-driver/bench-print.sh [iterations]}; figures go to printer-driver/README.md.
 */
public final class PrintBenchmark {
    private PrintBenchmark() {}

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = Math.max(3, iterations / 5);
        Path work = Files.createTempDirectory("madoguchi-print-bench");
        TestIssuer issuer = TestIssuer.ec("131016");
        try (AntiForgeryOverlay overlay =
                        new AntiForgeryOverlay(issuer.signer(), ScrambleKey.generate(new SecureRandom()));
                IppEvePrinter printer = IppEvePrinter.start(work, IppEvePrinter.PRINTS_EVERYTHING)) {
            IppCertificatePrinter kiosk = new IppCertificatePrinter(
                    IppPrinterSettings.forPrinter(printer.uri()).withPollInterval(Duration.ofMillis(20)));
            System.out.printf(
                    Locale.ROOT,
                    "Madoguchi print benchmark: %d iterations (+%d warm-up), %d CPUs, %s%n",
                    iterations,
                    warmup,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "%-8s %-22s %9s %9s %9s%n", "pages", "phase", "p50 ms", "p95 ms", "max ms");
            for (int pages : new int[] {1, 3}) {
                byte[] pdf = SampleCertificate.pages(pages);
                List<Double> overlayMs = new ArrayList<>();
                List<Double> printMs = new ArrayList<>();
                List<Double> totalMs = new ArrayList<>();
                for (int i = 0; i < warmup + iterations; i++) {
                    long t0 = System.nanoTime();
                    PrintableCertificate sealed = overlay.apply(
                            pdf,
                            new CertificateMetadata("BENCH-" + pages + "-" + i, "131016", LocalDate.of(2025, 11, 23)));
                    long t1 = System.nanoTime();
                    PrintOutcome outcome = kiosk.print(sealed, Duration.ofSeconds(60));
                    long t2 = System.nanoTime();
                    sealed.wipe();
                    if (!outcome.printed()) {
                        throw new IllegalStateException("benchmark print failed: " + outcome);
                    }
                    if (i >= warmup) {
                        overlayMs.add((t1 - t0) / 1e6);
                        printMs.add((t2 - t1) / 1e6);
                        totalMs.add((t2 - t0) / 1e6);
                    }
                }
                row(pages, "overlay", overlayMs);
                row(pages, "print (to completed)", printMs);
                row(pages, "overlay + print", totalMs);
            }
        } finally {
            deleteTree(work);
        }
    }

    private static void row(int pages, String phase, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-8d %-22s %9.1f %9.1f %9.1f%n",
                pages,
                phase,
                percentile(sorted, 50),
                percentile(sorted, 95),
                sorted.get(sorted.size() - 1));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
