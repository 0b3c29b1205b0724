package jp.madoguchi.sim.center;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.center.CenterClient;
import jp.madoguchi.center.CenterException;
import jp.madoguchi.center.CenterSession;
import jp.madoguchi.center.Challenge;
import jp.madoguchi.center.Issuance;
import jp.madoguchi.center.VerifiedDocument;
import jp.madoguchi.center.internal.Digests;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.IssuanceScope;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.center.protocol.OutcomeResponse;
import jp.madoguchi.sim.center.documents.JapaneseDates;
import jp.madoguchi.sim.center.registry.DocumentStatus;
import jp.madoguchi.sim.resident.Resident;
import jp.madoguchi.testing.MutableClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 2023 mis-issuance incidents as a test: 64 kiosks, 10,000 issuances, random latency,
 * timeouts and cancellations, and every round's issuances released at the same instant for
 * different residents. Every document handed out must be THIS session's resident's (signed
 * metadata and PDF text), and no voided document may ever count as issued.
 */
class ConcurrentIssuanceTest {
    private static final int KIOSKS = 64;
    private static final int ISSUANCES = 10_000;

    @TempDir
    Path data;

    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger mismatches = new AtomicInteger();
    private final AtomicInteger aborted = new AtomicInteger();
    private final AtomicInteger unclosed = new AtomicInteger();
    private final Set<String> printed = ConcurrentHashMap.newKeySet();
    private final Set<String> notPrinted = ConcurrentHashMap.newKeySet();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyDocumentBelongsToItsSessionsResidentUnderLoadAndFaults() throws Exception {
        MutableClock clock = new MutableClock(CenterSimulatorTest.WEDNESDAY_MORNING);
        try (CenterSimulator center = CenterSimulator.builder(data)
                .clock(clock)
                .recordLimit(0)
                .threads(48)
                .start()) {
            TestCards cards = new TestCards(center.pki());
            List<Resident> residents = center.catalogue().ordinaryAdults(java.time.LocalDate.of(2025, 10, 15));
            assertThat(residents).hasSizeGreaterThan(100);
            residents.forEach(r -> cards.of(r.residentId()));
            center.faults().latency(Duration.ZERO, Duration.ofMillis(3));

            List<SimulatedKiosk> kiosks = new ArrayList<>();
            for (int i = 0; i < KIOSKS; i++) {
                kiosks.add(new SimulatedKiosk(CenterClient.builder()
                        .baseUrl(center.baseUrl())
                        .credentials(center.kioskCredentials(String.format("KIOSK-%04d", i)))
                        .pinnedCenterCa(center.centerCa())
                        .issuanceTimeout(Duration.ofMillis(1500))
                        .maxAttempts(2)
                        .retryBackoff(Duration.ofMillis(5))
                        .build()));
            }
            ScheduledExecutorService chaos = Executors.newSingleThreadScheduledExecutor();
            // Random cancellations of issuances in flight, and requests slower than the kiosk's limit.
            chaos.scheduleAtFixedRate(
                    () -> kiosks.get(ThreadLocalRandom.current().nextInt(KIOSKS))
                            .cancelIssuance(),
                    50,
                    23,
                    TimeUnit.MILLISECONDS);
            chaos.scheduleAtFixedRate(
                    () -> center.faults().delayNext(1, "/v1/sessions/*/issuances", Duration.ofMillis(1700)),
                    100,
                    400,
                    TimeUnit.MILLISECONDS);

            // Kiosks go in groups of 8 whose issuance requests are released at the same instant
            // (different residents within the same millisecond); a slow kiosk holds up only its group.
            ExecutorService pool = Executors.newFixedThreadPool(KIOSKS);
            List<Future<?>> runs = new ArrayList<>();
            Phaser sameInstant = null;
            for (int i = 0; i < KIOSKS; i++) {
                if (i % 8 == 0) {
                    sameInstant = new Phaser(8);
                }
                Phaser group = sameInstant;
                SimulatedKiosk kiosk = kiosks.get(i);
                runs.add(pool.submit(() -> kiosk.run(cards, residents, group)));
            }
            for (Future<?> run : runs) {
                run.get(10, TimeUnit.MINUTES);
            }
            chaos.shutdownNow();
            pool.shutdownNow();
            kiosks.forEach(k -> k.client.close());

            clock.set(clock.instant().plus(Duration.ofMinutes(11)));
            center.expireSessions();
            System.out.printf(
                    "concurrency: %d kiosks, %d issuances attempted, %d delivered and checked, %d aborted by faults,"
                            + " %d sessions left to expiry, %d printed, %d voided, %d mismatches%n",
                    KIOSKS,
                    attempts.get() - KIOSKS,
                    delivered.get(),
                    aborted.get(),
                    unclosed.get(),
                    printed.size(),
                    notPrinted.size(),
                    mismatches.get());
            assertThat(failures).isEmpty();
            assertThat(mismatches.get()).isZero();
            assertThat(attempts.get()).isGreaterThanOrEqualTo(ISSUANCES);
            assertThat(aborted.get()).as("faults really happened").isPositive();
            assertThat(delivered.get()).as("most issuances succeed").isGreaterThan(ISSUANCES / 2);
            // What the center counts as issued is exactly what kiosks confirmed printed.
            assertThat(center.documentsIn(DocumentStatus.ISSUED)).isEqualTo(printed);
            assertThat(center.documentsIn(DocumentStatus.ISSUED)).doesNotContainAnyElementsOf(notPrinted);
            assertThat(center.documentCounts().get(DocumentStatus.PENDING)).isZero();
            assertThat(center.openSessions()).isZero();
        }
    }

    private final class SimulatedKiosk {
        final CenterClient client;
        private boolean issuing;

        SimulatedKiosk(CenterClient client) {
            this.client = client;
        }

        synchronized void cancelIssuance() {
            if (issuing) {
                client.cancelInFlight();
            }
        }

        private synchronized void issuing(boolean on) {
            issuing = on;
        }

        void run(TestCards cards, List<Resident> residents, Phaser sameInstant) {
            try {
                while (attempts.getAndIncrement() < ISSUANCES) {
                    Resident resident =
                            residents.get(ThreadLocalRandom.current().nextInt(residents.size()));
                    once(cards.of(resident.residentId()), resident, sameInstant);
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(e.toString());
            } finally {
                sameInstant.arriveAndDeregister();
            }
        }

        private void once(TestCards.Card card, Resident resident, Phaser sameInstant) {
            CenterSession session = null;
            try {
                Challenge challenge = client.requestChallenge();
                session = client.openSession(challenge, card.certificate(), card.sign(challenge));
                OrderItem item = order(ThreadLocalRandom.current().nextInt(4));
                awaitTogether(sameInstant);
                Issuance issuance;
                issuing(true);
                try {
                    issuance = client.issue(
                            session, List.of(item), UUID.randomUUID().toString());
                } finally {
                    issuing(false);
                }
                VerifiedDocument doc = issuance.documents().get(0);
                check(doc, session, card, resident);
                boolean paperJam = ThreadLocalRandom.current().nextInt(10) == 0;
                List<String> printedIds = paperJam ? List.of() : List.of(doc.documentId());
                List<String> failedIds = paperJam ? List.of(doc.documentId()) : List.of();
                // Half the transactions end with the outcome that also closes the session.
                boolean endsSession = ThreadLocalRandom.current().nextBoolean();
                OutcomeResponse outcome = endsSession
                        ? client.reportOutcomeAndClose(
                                session.sessionId(), issuance.issuanceId(), printedIds, failedIds)
                        : client.reportOutcome(issuance.issuanceId(), printedIds, failedIds);
                if (endsSession) {
                    session = null; // closed by the outcome: no DELETE
                }
                printed.addAll(outcome.issued());
                notPrinted.addAll(outcome.voided());
                delivered.incrementAndGet();
                doc.wipe();
            } catch (CenterException e) {
                aborted.incrementAndGet();
            } finally {
                if (session != null) {
                    try {
                        client.closeSession(session.sessionId());
                    } catch (CenterException e) {
                        unclosed.incrementAndGet(); // the center's session expiry voids it
                    }
                }
            }
        }

        private void awaitTogether(Phaser phaser) {
            try {
                phaser.awaitAdvanceInterruptibly(phaser.arrive(), 5, TimeUnit.SECONDS);
            } catch (InterruptedException | TimeoutException e) {
                // A kiosk that finished its share leaves the phaser; nobody waits forever.
            }
        }
    }

    private static OrderItem order(int kind) {
        return switch (kind) {
            case 0 -> new OrderItem(
                    CertificateType.RESIDENCE_RECORD,
                    IssuanceScope.SELF,
                    List.of(),
                    List.of(CertificateOption.MY_NUMBER),
                    1);
            case 1 -> OrderItem.self(CertificateType.SEAL_REGISTRATION);
            case 2 -> OrderItem.incomeTax(2025); // the clock is in October 2025
            default -> OrderItem.self(CertificateType.KOSEKI_INDIVIDUAL);
        };
    }

    private void check(VerifiedDocument doc, CenterSession session, TestCards.Card card, Resident resident) {
        try {
            boolean bound = doc.metadata().sessionId().equals(session.sessionId())
                    && doc.metadata()
                            .cardCertificateSha256()
                            .equals(Digests.sha256Hex(card.certificate().getEncoded()));
            String text;
            try (PDDocument pdf = Loader.loadPDF(doc.content())) {
                text = new PDFTextStripper().getText(pdf);
            }
            // 戸籍 shows the given name under the 筆頭者; the other types show the full name.
            String name = doc.metadata().type() == CertificateType.KOSEKI_INDIVIDUAL
                    ? resident.name().substring(resident.name().indexOf('　') + 1)
                    : resident.name();
            boolean content = text.contains(doc.documentId())
                    && text.contains(name)
                    && text.contains(JapaneseDates.format(resident.birthDate()))
                    && (doc.metadata().type() != CertificateType.RESIDENCE_RECORD
                            || text.contains(resident.myNumber()));
            if (!bound || !content) {
                if (mismatches.incrementAndGet() <= 3) {
                    failures.add("document " + doc.documentId() + " ("
                            + doc.metadata().type() + ") bound=" + bound + " content=" + content);
                }
            }
        } catch (java.io.IOException | java.security.cert.CertificateEncodingException e) {
            failures.add("unreadable document " + doc.documentId() + ": " + e);
        }
    }
}
