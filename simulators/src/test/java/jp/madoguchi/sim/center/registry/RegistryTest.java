package jp.madoguchi.sim.center.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.sim.resident.ResidentCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's database thread: concurrent callers' work is grouped into shared commits, yet
 * each piece succeeds or fails alone, answers come only after the commit, and what was answered
 * is on disk when the registry is opened again.
 */
class RegistryTest {
    private static final Instant AT = Instant.parse("2025-10-15T01:00:00Z");

    @TempDir
    Path dir;

    private Registry open() {
        return Registry.open(
                dir.resolve("registry.db"),
                () -> new ResidentCatalogue(ResidentCatalogue.DEFAULT_SEED, 20),
                MunicipalityServices.defaults());
    }

    private static List<DocumentRecord> documents(Registry registry, String prefix, int count) {
        List<DocumentRecord> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            docs.add(new DocumentRecord(
                    prefix + "-d" + i,
                    registry.nextDocumentNumber("99201"),
                    i,
                    CertificateType.RESIDENCE_RECORD,
                    "99201",
                    1,
                    300,
                    "00".repeat(32)));
        }
        return docs;
    }

    @Test
    void concurrentIssuancesAndOutcomesAllLandWithUniqueNumbersAndTheRightStatuses() throws Exception {
        int threads = 16;
        int perThread = 25;
        Set<String> numbers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (Registry registry = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String issuance = "i-" + thread + "-" + i;
                        String session = "s-" + thread + "-" + i;
                        List<DocumentRecord> docs = documents(registry, issuance, 2);
                        docs.forEach(d -> numbers.add(d.documentNumber()));
                        registry.recordIssuance(issuance, session, "K-" + thread, "key-" + i, AT, docs);
                        assertThat(registry.sessionOfIssuance(issuance)).contains(session);
                        // The first document was printed, the second not: it is voided.
                        Map<String, DocumentStatus> after = registry.applyOutcome(
                                issuance, Set.of(docs.get(0).documentId()), AT, "K-" + thread, session);
                        assertThat(after)
                                .containsEntry(docs.get(0).documentId(), DocumentStatus.ISSUED)
                                .containsEntry(docs.get(1).documentId(), DocumentStatus.VOIDED);
                        registry.audit(AT, "SESSION_CLOSED", "K-" + thread, session, issuance, null);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            int total = threads * perThread;
            assertThat(numbers).hasSize(2 * total);
            assertThat(registry.documentCounts())
                    .containsEntry(DocumentStatus.ISSUED, (long) total)
                    .containsEntry(DocumentStatus.VOIDED, (long) total)
                    .containsEntry(DocumentStatus.PENDING, 0L);
            assertThat(registry.auditLog(10_000))
                    .filteredOn(line -> line.contains("\tSESSION_CLOSED\t"))
                    .hasSize(total);
        }
    }

    @Test
    void aFailingPieceIsRolledBackAloneWhileTheOthersCommit() throws Exception {
        int threads = 8;
        try (Registry registry = open()) {
            List<DocumentRecord> first = documents(registry, "taken", 1);
            registry.recordIssuance("i-taken", "s-taken", "K", "k", AT, first);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    start.await();
                    // Odd threads reuse the taken document id: their issuance row is written
                    // first, then the document insert fails, so the whole piece must go.
                    List<DocumentRecord> docs = thread % 2 == 1 ? first : documents(registry, "ok" + thread, 1);
                    try {
                        registry.recordIssuance("i-" + thread, "s-" + thread, "K", "k", AT, docs);
                        return true;
                    } catch (RegistryException e) {
                        assertThat(e).hasMessageStartingWith("registry transaction failed");
                        return false;
                    }
                }));
            }
            for (int t = 0; t < threads; t++) {
                boolean recorded = runs.get(t).get(30, TimeUnit.SECONDS);
                assertThat(recorded).as("thread %d", t).isEqualTo(t % 2 == 0);
                if (t % 2 == 0) {
                    assertThat(registry.sessionOfIssuance("i-" + t)).contains("s-" + t);
                } else {
                    assertThat(registry.sessionOfIssuance("i-" + t)).isEmpty();
                }
            }
            pool.shutdown();
            assertThat(registry.documentCounts()).containsEntry(DocumentStatus.PENDING, 1L + threads / 2);
            // The failed pieces left no half-built batch behind: the next issuance is whole.
            registry.recordIssuance("i-next", "s-next", "K", "k", AT, documents(registry, "next", 3));
            assertThat(registry.documentCounts()).containsEntry(DocumentStatus.PENDING, 4L + threads / 2);
        }
    }

    @Test
    void whatWasAnsweredIsKeptAcrossAReopenAndNumbersGoOn() {
        String lastNumber;
        String maintained;
        try (Registry registry = open()) {
            registry.nextDocumentNumber("99201"); // given out, then its issuance failed
            List<DocumentRecord> docs = documents(registry, "kept", 3);
            lastNumber = docs.get(2).documentNumber();
            registry.recordIssuance("i-early", "s-early", "K", "k", AT, documents(registry, "early", 1));
            registry.recordIssuance("i-kept", "s-kept", "K", "k", AT, docs);
            registry.applyOutcome("i-kept", Set.of("kept-d0", "kept-d1"), AT, "K", "s-kept");
            maintained = registry.municipalities().get(0).code();
            registry.setForcedMaintenance(maintained, true);
        }
        try (Registry registry = open()) {
            assertThat(registry.documentStatus("kept-d0")).contains(DocumentStatus.ISSUED);
            assertThat(registry.documentStatus("kept-d2")).contains(DocumentStatus.VOIDED);
            assertThat(registry.documentsIn(DocumentStatus.ISSUED)).containsExactlyInAnyOrder("kept-d0", "kept-d1");
            assertThat(registry.forcedMaintenance(maintained)).isTrue();
            // Numbers go on after the highest kept one, not after the count of kept documents.
            assertThat(registry.nextDocumentNumber("99201"))
                    .isGreaterThan(lastNumber)
                    .endsWith("00000006");
        }
    }

    @Test
    void theLogIsCopiedIntoTheFileInTheBackgroundSoItDoesNotGrowAndIsEmptyAfterClose() throws Exception {
        Path wal = dir.resolve("registry.db-wal");
        try (Registry registry = open()) {
            long before = registry.checkpointsCompleted();
            writeIssuances(registry, "a", 150);
            awaitCheckpointAfter(registry, before);
            long first = java.nio.file.Files.size(wal);
            assertThat(first).as("the log holds the first writes").isPositive();
            long middle = registry.checkpointsCompleted();
            writeIssuances(registry, "b", 150);
            awaitCheckpointAfter(registry, middle);
            // Without checkpoints the log would hold both rounds; copied, it starts again at its
            // beginning (SQLite keeps the file's size, it does not grow it).
            assertThat(java.nio.file.Files.size(wal)).isLessThan(first + first / 2);
        }
        assertThat(!java.nio.file.Files.exists(wal) || java.nio.file.Files.size(wal) == 0)
                .as("nothing is left in the log after close")
                .isTrue();
    }

    private static void writeIssuances(Registry registry, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            registry.recordIssuance(
                    prefix + "-i" + i, prefix + "-s" + i, "K", "k", AT, documents(registry, prefix + i, 2));
        }
    }

    private static void awaitCheckpointAfter(Registry registry, long count) {
        // Two periods: the one running when the writes ended may have started before them.
        org.awaitility.Awaitility.await("two checkpoints (one every 500 ms)")
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> registry.checkpointsCompleted() >= count + 2);
    }

    @Test
    void aClosedRegistryRefusesWorkWithAClearErrorAndClosesOnce() {
        Registry registry = open();
        registry.close();
        registry.close();
        assertThatThrownBy(() -> registry.documentStatus("any"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> registry.audit(AT, "X", "K", null, null, null))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void documentNumbersNeverRepeatUnderContention() throws Exception {
        try (Registry registry = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 2000; i++) {
                        mine.add(registry.nextDocumentNumber("99341"));
                    }
                    return mine;
                }));
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> run : runs) {
                all.addAll(run.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(all).hasSize(16_000).allMatch(n -> n.matches("99341-\\d{8}"));
        }
    }
}
