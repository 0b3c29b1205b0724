package jp.madoguchi.kiosk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.madoguchi.kiosk.KioskErrorCode;
import jp.madoguchi.kiosk.KioskException;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.center.registry.DocumentStatus;

/**
 * The crash drill: for every journal record of a transaction in turn, a real engine process (a
 * child JVM on this classpath) runs the transaction against a center simulator started here, is
 * stopped right after that record is committed and killed with SIGKILL; then a fresh process on
 * the same data directory runs start-up recovery. A point passes when afterwards:
 *
 * <ul>
 *   <li>money: the transaction has ended and every yen inserted is accounted for (printed fees +
 *       change + refunds paid + refund vouchers);
 *   <li>identity: nothing was reprinted by the new process, the center has no open session and no
 *       document left handed out, every copy the journal shows printed is counted at the center
 *       and every other document of the transaction is void.
 * </ul>
 *
 * Two scenarios: one copy paid with a bill (change due), and two copies with a jam on the second
 * (refund due); the second contributes only the records after the first printed copy.
 */
final class BenchCrashInjection implements Callable<Integer> {
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(120);
    private static final String KIOSK = "KC001";

    /** One crash point: a scenario and the n-th journal record of its transaction. */
    record CrashPoint(BenchCrashChildCommand.Scenario scenario, int record, String label) {
        String name() {
            return scenario.name().toLowerCase(Locale.ROOT) + "#" + record + ":" + label;
        }
    }

    /** What happened at one point. */
    record PointResult(
            CrashPoint point, boolean killed, boolean moneyConserved, boolean identityIntact, String detail) {
        boolean recovered() {
            return killed && moneyConserved && identityIntact;
        }
    }

    private final boolean json;
    private final PrintStream out;
    private final String classPath;
    private final List<CrashPoint> chosen;

    BenchCrashInjection(boolean json) {
        this(json, System.out, System.getProperty("java.class.path"), null);
    }

    /**
     * @param classPath the child JVM's class path (this JVM's by default)
     * @param chosen the crash points to run, each with the record expected there (a few, in tests);
     *     null for every record of every scenario, found by a first uninterrupted run
     */
    BenchCrashInjection(boolean json, PrintStream out, String classPath, List<CrashPoint> chosen) {
        this.json = json;
        this.out = out;
        this.classPath = classPath;
        this.chosen = chosen;
    }

    @Override
    public Integer call() throws Exception {
        List<PointResult> results = run();
        long recovered = results.stream().filter(PointResult::recovered).count();
        boolean conserved = !results.isEmpty() && recovered == results.size();
        if (json) {
            out.printf(
                    Locale.ROOT,
                    "{\"crashPoints\":%d,\"recovered\":%d,\"moneyConserved\":%b}%n",
                    results.size(),
                    recovered,
                    conserved);
        } else {
            for (PointResult r : results) {
                out.printf(
                        Locale.ROOT,
                        "%-40s %s%s%n",
                        r.point().name(),
                        r.recovered() ? "recovered" : "NOT RECOVERED",
                        r.recovered() ? "" : " (" + r.detail() + ")");
            }
            out.printf(
                    Locale.ROOT,
                    "%d crash points, %d recovered, money and identity conserved: %b%n",
                    results.size(),
                    recovered,
                    conserved);
        }
        return conserved ? 0 : 1;
    }

    /** Runs every selected crash point and returns the results in order. */
    List<PointResult> run() throws Exception {
        Path work = Files.createTempDirectory("madoguchi-crash");
        try (CenterSimulator center = CenterSimulator.builder(work.resolve("center"))
                .clock(DemoCommand.demoClock(Clock.systemUTC()))
                .start()) {
            center.kioskCredential(KIOSK); // writes the kiosk's certificate and key beside the center CA
            Path trust = center.centerCaFile().getParent();
            List<CrashPoint> points = new ArrayList<>();
            for (BenchCrashChildCommand.Scenario scenario : chosen != null
                    ? List.<BenchCrashChildCommand.Scenario>of()
                    : List.of(BenchCrashChildCommand.Scenario.values())) {
                List<String> records = listRecords(work.resolve("list-" + scenario), center, trust, scenario);
                int firstCopy = records.indexOf("copy-printed") + 1;
                for (int n = 1; n <= records.size(); n++) {
                    if (scenario == BenchCrashChildCommand.Scenario.JAM_ON_SECOND_COPY && n <= firstCopy) {
                        continue; // the same records as the one-copy scenario up to here
                    }
                    points.add(new CrashPoint(scenario, n, records.get(n - 1)));
                }
            }
            if (chosen != null) {
                points.addAll(chosen);
            }
            List<PointResult> results = new ArrayList<>();
            int k = 0;
            for (CrashPoint point : points) {
                results.add(crashAndRecover(work.resolve("p" + k++), center, trust, point));
            }
            return results;
        } finally {
            deleteTree(work);
        }
    }

    /** Runs the scenario to its end once and returns its journal records in order. */
    private List<String> listRecords(Path data, CenterSimulator center, Path trust, BenchCrashChildCommand.Scenario s)
            throws Exception {
        Child child = Child.start(command(data, center, trust, s, List.of()));
        try {
            List<String> records = new ArrayList<>();
            String line;
            while ((line = child.nextLine(CHILD_LIMIT)) != null) {
                if (line.startsWith("WRITE ")) {
                    records.add(line.split(" ")[2]);
                } else if (line.startsWith("COMPLETED ")) {
                    child.awaitExit();
                    return records;
                }
            }
            throw new KioskException(
                    KioskErrorCode.CONFIGURATION_INVALID,
                    "the crash drill's engine process ended before its transaction completed: " + child.tail());
        } finally {
            child.kill();
        }
    }

    private PointResult crashAndRecover(Path data, CenterSimulator center, Path trust, CrashPoint point)
            throws Exception {
        String transaction = null;
        String reached = null;
        Child engine = Child.start(command(
                data, center, trust, point.scenario(), List.of("--stop-after", String.valueOf(point.record()))));
        try {
            String line;
            while ((line = engine.nextLine(CHILD_LIMIT)) != null) {
                if (line.startsWith("CRASHPOINT ")) {
                    reached = line.split(" ")[2];
                    transaction = line.split(" ")[3];
                    break;
                }
            }
        } finally {
            engine.kill(); // SIGKILL: no shutdown hook, no finally block, no flush runs in the child
        }
        if (transaction == null) {
            return new PointResult(point, false, false, false, "the engine never reached the point: " + engine.tail());
        }
        if (!reached.equals(point.label())) {
            return new PointResult(point, false, false, false, "record " + point.record() + " was " + reached);
        }
        Child recovery =
                Child.start(command(data, center, trust, point.scenario(), List.of("--recover", "--tx", transaction)));
        Map<String, String> tx = Map.of();
        Map<String, String> end = Map.of();
        try {
            String line;
            while ((line = recovery.nextLine(CHILD_LIMIT)) != null) {
                if (line.startsWith("TRANSACTION ")) {
                    tx = fields(line);
                } else if (line.startsWith("RECOVERY-END ")) {
                    end = fields(line);
                    break;
                }
            }
            recovery.awaitExit();
        } finally {
            recovery.kill();
        }
        if (end.isEmpty() || tx.isEmpty()) {
            return new PointResult(point, true, false, false, "recovery did not report: " + recovery.tail());
        }
        List<String> problems = new ArrayList<>();
        boolean ended = Set.of("DONE", "CANCELLED", "FAILED").contains(tx.get("state"));
        boolean money =
                ended && tx.get("held").equals("0") && end.get("unfinished").equals("0");
        if (!money) {
            problems.add("money: state " + tx.get("state") + ", held " + tx.get("held") + ", unfinished "
                    + end.get("unfinished"));
        }
        Set<String> ordered = ids(tx.get("ordered"));
        Set<String> printed = ids(tx.get("printed"));
        List<String> identity = new ArrayList<>();
        if (!end.get("printerJobs").equals("0")) {
            identity.add("recovery printed " + end.get("printerJobs") + " job(s)");
        }
        if (center.openSessions() != 0) {
            identity.add(center.openSessions() + " center session(s) left open");
        }
        if (!center.documentsIn(DocumentStatus.PENDING).isEmpty()) {
            identity.add("documents left handed out at the center: "
                    + center.documentsIn(DocumentStatus.PENDING).size());
        }
        for (String document : ordered) {
            DocumentStatus expected = printed.contains(document) ? DocumentStatus.ISSUED : DocumentStatus.VOIDED;
            DocumentStatus actual = center.documentStatus(document).orElse(null);
            if (actual != expected) {
                identity.add("document " + document + " is " + actual + " at the center, expected " + expected);
            }
        }
        problems.addAll(identity);
        return new PointResult(point, true, money, identity.isEmpty(), String.join("; ", problems));
    }

    private List<String> command(
            Path data,
            CenterSimulator center,
            Path trust,
            BenchCrashChildCommand.Scenario scenario,
            List<String> extra) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", // a short-lived process: quick start matters, peak speed does not
                "-Xshare:auto",
                "-cp",
                classPath,
                KioskMain.class.getName(),
                "bench",
                "crash-child",
                "--data",
                data.toString(),
                "--center-url",
                center.baseUrl(),
                "--trust",
                trust.toString(),
                "--sim",
                center.centerCaFile().getParent().getParent().toString(),
                "--kiosk",
                KIOSK,
                "--scenario",
                scenario.name()));
        command.addAll(extra);
        return command;
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> map = new HashMap<>();
        for (String token : line.split(" ")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                map.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return map;
    }

    private static Set<String> ids(String list) {
        return list == null || list.isEmpty()
                ? Set.of()
                : Arrays.stream(list.split(",")).collect(Collectors.toSet());
    }

    /** A child JVM whose stdout is read line by line with a time limit; stderr is kept for messages. */
    private static final class Child {
        private final Process process;
        private final BufferedReader lines;
        private final List<String> seen = new ArrayList<>();

        private Child(Process process) {
            this.process = process;
            this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Child start(List<String> command) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            return new Child(builder.start());
        }

        /** The next line, or null at the end of the output or after {@code limit}. */
        String nextLine(Duration limit) throws Exception {
            CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
                try {
                    return lines.readLine();
                } catch (IOException e) {
                    return null;
                }
            });
            try {
                String line = next.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                }
                return line;
            } catch (java.util.concurrent.TimeoutException e) {
                kill();
                return null;
            }
        }

        void awaitExit() throws InterruptedException {
            if (!process.waitFor(CHILD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        }

        /** SIGKILL (Process.destroyForcibly on Unix), then wait for the process to be gone. */
        void kill() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            process.waitFor(10, TimeUnit.SECONDS);
        }

        String tail() {
            int from = Math.max(0, seen.size() - 3);
            return seen.isEmpty() ? "(no output)" : String.join(" | ", seen.subList(from, seen.size()));
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary files only
        }
    }
}
