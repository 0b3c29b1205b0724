package jp.madoguchi.kiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.center.CenterClient;
import jp.madoguchi.center.CenterException;
import jp.madoguchi.center.CenterSession;
import jp.madoguchi.center.Challenge;
import jp.madoguchi.center.Issuance;
import jp.madoguchi.center.VerifiedDocument;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.pki.SeededKeys;
import jp.madoguchi.sim.pki.SimulatorPki;
import jp.madoguchi.sim.resident.Resident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk bench center}: drives the full center path (challenge → card signature → session
 * → issuance with document checks → outcome that also closes the session) over mutual TLS
 * against an in-process center simulator, with C concurrent kiosks, and prints throughput and
 * latency percentiles of the full path ({@code p50Millis}...) and of the issue call alone
 * ({@code issueP50Millis}, {@code issueP99Millis}).
 */
@Command(
        name = "center",
        mixinStandardHelpOptions = true,
        description = "Benchmark the kiosk-center path over mutual TLS against the center simulator.")
public final class BenchCenterCommand implements Callable<Integer> {
    /** A Wednesday, 10:00 in Japan, so that every type is open whatever the real time. */
    private static final Instant WEEKDAY_MORNING = Instant.parse("2025-10-15T01:00:00Z");

    static final int AUTO_WARMUP_MIN = 5000;
    static final int AUTO_WARMUP_MAX = 60000;
    static final int AUTO_WARMUP_ROUND = 2000;
    /** The JIT counts as settled when it compiled for less than this share of a round's wall time. */
    static final double SETTLED_JIT_SHARE = 0.03;
    /** Settled rounds in a row that end the warm-up: after a single one, C2 was seen to start again. */
    static final int SETTLED_ROUNDS = 2;

    @Option(names = "--concurrency", defaultValue = "32", description = "Concurrent kiosks. Default ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(
            names = "--issuances",
            defaultValue = "10000",
            description = "Measured issuances. Default ${DEFAULT-VALUE} (a p99 then rests on 100 transactions).")
    int issuances;

    /**
     * {@code auto} (the default) warms up until the JIT has settled: at least {@link
     * #AUTO_WARMUP_MIN} issuances, then rounds until the JIT compiler was busy for less than
     * {@link #SETTLED_JIT_SHARE} of a round's wall time in {@link #SETTLED_ROUNDS} rounds in a row
     * (at most {@link #AUTO_WARMUP_MAX} issuances). On two
     * cores the compiler threads compete with 36 busy threads: after a fixed 5000 the C2 compiler
     * still took a fifth of the CPU (TLS record ciphers, Jackson, BouncyCastle ASN.1, Jetty) and
     * its one-time work was counted as CPU per issuance. A center and a kiosk run for days; the
     * figure to compare is the steady state. A number gives a fixed warm-up ({@code --warmup
     * 1000} the short-warm-up figure).
     */
    @Option(
            names = "--warmup",
            defaultValue = "auto",
            description = "Issuances before measuring, or 'auto' (default): until the JIT compiler is"
                    + " nearly idle (at least 5000, at most 60000).")
    String warmup;

    @Option(
            names = "--center-threads",
            description = "Request threads of the center. Default 4: the work is CPU-bound, and on two cores"
                    + " more threads only add switching (8 cost about 0.4 ms more center CPU per issuance).")
    Integer centerThreads;

    @Option(names = "--data", description = "Data directory (default: a fresh temporary directory).")
    Path data;

    @Option(names = "--json", description = "Print one JSON line only.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (concurrency < 1 || issuances < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--concurrency and --issuances must be at least 1");
        }
        Path dir = data != null ? data : Files.createTempDirectory("madoguchi-bench-center");
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), WEEKDAY_MORNING));
        try (CenterSimulator center = CenterSimulator.builder(dir)
                .clock(clock)
                .recordLimit(0)
                .threads(centerThreads != null ? centerThreads : 4)
                .start()) {
            List<Card> cards = cards(center);
            List<CenterClient> clients = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                String kioskId = String.format("BENCH-%04d", i);
                clients.add(CenterClient.builder()
                        .baseUrl(center.baseUrl())
                        .credentials(center.kioskCredentials(kioskId))
                        .pinnedCenterCa(center.centerCa())
                        .build());
            }
            Warmup warm = warmUp(clients, cards);
            long[] latencies = new long[issuances];
            long[] issueLatencies = new long[issuances];
            CpuTime cpuBefore = CpuTime.now();
            long start = System.nanoTime();
            Result result = run(clients, cards, issuances, latencies, issueLatencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuTime cpu = CpuTime.now().minus(cpuBefore);
            clients.forEach(CenterClient::close);
            Arrays.sort(latencies, 0, result.completed);
            Arrays.sort(issueLatencies, 0, result.completed);
            String line = String.format(
                    Locale.ROOT,
                    "{\"concurrency\":%d,\"issuances\":%d,\"issuancesPerSecond\":%.1f,\"p50Millis\":%.1f,"
                            + "\"p95Millis\":%.1f,\"p99Millis\":%.1f,\"issueP50Millis\":%.1f,"
                            + "\"issueP99Millis\":%.1f,\"mismatchedDocuments\":%d,\"errors\":%d,"
                            + "\"cpuMillisPerIssuance\":%.2f,\"centerCpuMillisPerIssuance\":%.2f,"
                            + "\"warmupIssuances\":%d,\"warmupSeconds\":%.1f,\"jitMillisPerIssuance\":%.2f}",
                    concurrency,
                    result.completed,
                    result.completed / seconds,
                    percentile(latencies, result.completed, 50),
                    percentile(latencies, result.completed, 95),
                    percentile(latencies, result.completed, 99),
                    percentile(issueLatencies, result.completed, 50),
                    percentile(issueLatencies, result.completed, 99),
                    result.mismatches,
                    result.errors,
                    cpu.processNanos / 1e6 / Math.max(1, result.completed),
                    cpu.centerNanos / 1e6 / Math.max(1, result.completed),
                    warm.issuances,
                    warm.seconds,
                    (double) cpu.jitMillis / Math.max(1, result.completed));
            PrintWriter out = spec.commandLine().getOut();
            if (!json) {
                out.printf(
                        Locale.ROOT,
                        "center benchmark: %d kiosks, %d issuances over mutual TLS in %.1f s%n",
                        concurrency,
                        result.completed,
                        seconds);
            }
            out.println(line);
            out.flush();
            return result.mismatches == 0 ? 0 : 1;
        } finally {
            if (data == null) {
                deleteTree(dir);
            }
        }
    }

    private record Card(String residentId, X509Certificate certificate, PrivateKey key, String sha256) {}

    private record Result(int completed, int mismatches, int errors) {}

    private record Warmup(int issuances, double seconds) {}

    /**
     * Runs the warm-up: a fixed count, or with {@code auto} rounds until the JIT compiler has
     * settled (see {@link #warmup}). Prints each auto round's JIT share unless {@code --json}.
     */
    private Warmup warmUp(List<CenterClient> clients, List<Card> cards) throws Exception {
        long start = System.nanoTime();
        if (!"auto".equals(warmup)) {
            int fixed;
            try {
                fixed = Integer.parseInt(warmup);
            } catch (NumberFormatException e) {
                fixed = -1;
            }
            if (fixed < 0) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--warmup must be 'auto' or a number of issuances, got '" + warmup + "'");
            }
            run(clients, cards, fixed, null, null);
            return new Warmup(fixed, (System.nanoTime() - start) / 1e9);
        }
        int done = 0;
        int round = Math.max(AUTO_WARMUP_ROUND, 50 * clients.size());
        run(clients, cards, AUTO_WARMUP_MIN - round, null, null);
        done += AUTO_WARMUP_MIN - round;
        int settledRounds = 0;
        while (done < AUTO_WARMUP_MAX) {
            long jitBefore = jitCompileMillis();
            long t0 = System.nanoTime();
            run(clients, cards, round, null, null);
            done += round;
            double share = (jitCompileMillis() - jitBefore) / ((System.nanoTime() - t0) / 1e6);
            if (!json) {
                spec.commandLine()
                        .getOut()
                        .printf(
                                Locale.ROOT,
                                "warm-up: %d issuances, JIT compiling %.0f%% of the last round%n",
                                done,
                                100 * share);
                spec.commandLine().getOut().flush();
            }
            settledRounds = share < SETTLED_JIT_SHARE ? settledRounds + 1 : 0;
            if (settledRounds == SETTLED_ROUNDS) {
                break;
            }
        }
        return new Warmup(done, (System.nanoTime() - start) / 1e9);
    }

    /** Time the JIT compilers have spent compiling since the JVM started (0 when unsupported). */
    static long jitCompileMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /**
     * CPU time of the whole process (kiosks and center together) and of the center's own threads
     * (named {@code center-*}): on a shared machine, CPU per issuance is steadier than throughput.
     */
    private record CpuTime(long processNanos, long centerNanos, long jitMillis) {
        static CpuTime now() {
            long process = ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long center = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null
                        && (info.getThreadName().startsWith("center-")
                                || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                    center += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            return new CpuTime(process, center, jitCompileMillis());
        }

        CpuTime minus(CpuTime earlier) {
            return new CpuTime(
                    processNanos - earlier.processNanos,
                    centerNanos - earlier.centerNanos,
                    jitMillis - earlier.jitMillis);
        }
    }

    private static List<Card> cards(CenterSimulator center) throws GeneralSecurityException {
        SimulatorPki pki = center.pki();
        // Two card key pairs shared by all residents keep RSA key generation out of the figures;
        // every resident still has a certificate of its own.
        List<KeyPair> keys = List.of(SeededKeys.rsa2048("bench-card-0"), SeededKeys.rsa2048("bench-card-1"));
        List<Card> cards = new ArrayList<>();
        for (Resident r : center.catalogue().ordinaryAdults(LocalDate.of(2025, 10, 15))) {
            KeyPair k = keys.get(cards.size() % keys.size());
            X509Certificate cert = pki.issueUserAuthCertificate(
                    r.residentId(),
                    k.getPublic(),
                    Instant.parse("2025-04-01T00:00:00Z"),
                    Instant.parse("2030-03-31T23:59:59Z"));
            String sha = HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
            cards.add(new Card(r.residentId(), cert, k.getPrivate(), sha));
        }
        return cards;
    }

    /**
     * Runs {@code total} transactions on the kiosks; when {@code latencies} is given, records each
     * completed one's full-path latency there and its issue call's latency in {@code issueLatencies}.
     */
    private static Result run(
            List<CenterClient> clients, List<Card> cards, int total, long[] latencies, long[] issueLatencies)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger mismatches = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<Future<?>> runs = new ArrayList<>();
        for (CenterClient client : clients) {
            runs.add(pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < total) {
                    Card card = cards.get(n % cards.size());
                    long t0 = System.nanoTime();
                    long[] issueNanos = new long[1];
                    try {
                        if (!transaction(client, card, issueNanos)) {
                            mismatches.incrementAndGet();
                        }
                        if (latencies != null) {
                            int i = completed.getAndIncrement();
                            latencies[i] = System.nanoTime() - t0;
                            issueLatencies[i] = issueNanos[0];
                        } else {
                            completed.incrementAndGet();
                        }
                    } catch (CenterException e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : runs) {
            f.get(30, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return new Result(completed.get(), mismatches.get(), errors.get());
    }

    /**
     * One resident's transaction; false when a document is not bound to this session and card.
     * The outcome report also closes the session (one call for both); after a failure the session
     * is closed on its own. {@code issueNanos[0]} receives the latency of the issue call.
     */
    private static boolean transaction(CenterClient client, Card card, long[] issueNanos) {
        Challenge challenge = client.requestChallenge();
        byte[] signature = sign(card.key(), challenge.signedBytes());
        CenterSession session = client.openSession(challenge, card.certificate(), signature);
        boolean closed = false;
        try {
            long issueStart = System.nanoTime();
            Issuance issuance = client.issue(
                    session,
                    List.of(OrderItem.self(CertificateType.RESIDENCE_RECORD)),
                    UUID.randomUUID().toString());
            issueNanos[0] = System.nanoTime() - issueStart;
            boolean bound = true;
            List<String> printed = new ArrayList<>();
            for (VerifiedDocument d : issuance.documents()) {
                bound &= d.metadata().sessionId().equals(session.sessionId())
                        && d.metadata().cardCertificateSha256().equals(card.sha256());
                printed.add(d.documentId());
            }
            client.reportOutcomeAndClose(
                    session.sessionId(),
                    issuance.issuanceId(),
                    bound ? printed : List.of(),
                    bound ? List.of() : printed);
            closed = true;
            issuance.wipe();
            return bound;
        } finally {
            if (!closed) {
                client.closeSession(session.sessionId());
            }
        }
    }

    private static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(long[] sortedNanos, int count, int p) {
        if (count == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sortedNanos[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
