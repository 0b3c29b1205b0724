package jp.madoguchi.kiosk.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.madoguchi.kiosk.journal.MoneyBalance;
import jp.madoguchi.kiosk.journal.OrderedDocument;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.printing.SimulatedCertificatePrinter;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.resident.CatalogueCardholders;
import jp.madoguchi.sim.resident.Resident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Seeded random residents and events (removals, cancels, timeouts, jams, empty paper and hoppers,
 * center faults, wrong PINs) against one kiosk: after every run the money and identity invariants
 * hold; after all runs neither the data directory nor the logs hold a resident's name, address
 * or PIN.
 */
class RandomizedTransactionsTest {
    private static final long SEED = 20260610L;
    private static final int RUNS = 14;

    @TempDir
    Path dir;

    @Test
    void moneyAndIdentityHoldAfterEveryRandomRunAndNoPersonalDataIsLeftBehind() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Level before = root.getLevel();
        // Everything is captured for the scan below; the console would only flood the build log.
        ch.qos.logback.core.Appender<ILoggingEvent> console = root.getAppender("STDERR");
        if (console != null) {
            root.detachAppender(console);
        }
        root.setLevel(Level.DEBUG);
        root.addAppender(logs);
        List<Resident> residents = new ArrayList<>();
        try (CenterSimulator center = CenterSimulator.builder(dir.resolve("sim"))
                .clock(EngineFixture.daytimeClock())
                .start()) {
            CardIssuer issuer = CardIssuer.open(dir.resolve("sim"));
            residents.add(center.catalogue().find("R0001").orElseThrow());
            residents.add(center.catalogue().find("R0002").orElseThrow());
            List<SimulatedCard> cards = residents.stream()
                    .map(r -> issuer.issue(CatalogueCardholders.cardholderOf(r)))
                    .toList();
            Random random = new Random(SEED);
            try (EngineFixture kiosk = new EngineFixture(
                    dir.resolve("kiosk"),
                    "KRND01",
                    center,
                    issuer,
                    EngineSettings.defaults().withResidentTimeout(Duration.ofMinutes(5)))) {
                SimulatedCertificatePrinter printer =
                        kiosk.kiosk.simulatedPrinter().orElseThrow();
                for (int run = 0; run < RUNS; run++) {
                    center.faults().clear();
                    printer.loadPaper(random.nextInt(6) == 0 ? 1 : 100);
                    printer.jobDuration(Duration.ZERO);
                    int hopperCoins = random.nextInt(4) == 0 ? 0 : 50;
                    kiosk.kiosk.hoppers().forEach(h -> h.setCoins(hopperCoins));
                    int jobsBefore = printer.printedJobs().size();
                    String id = oneRun(kiosk, cards.get(random.nextInt(cards.size())), random, printer, center);
                    assertInvariants(
                            kiosk,
                            id,
                            printer.printedJobs()
                                    .subList(jobsBefore, printer.printedJobs().size()),
                            run);
                }
                assertThat(kiosk.kiosk.journal().unfinished()).isEmpty();
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
            if (console != null) {
                root.addAppender(console);
            }
        }
        String logText =
                logs.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        assertThat(logs.list).as("the runs logged something to scan").isNotEmpty();
        List<String> personal = new ArrayList<>();
        for (Resident r : residents) {
            personal.add(r.name());
            personal.add(r.address());
            personal.add(r.name().replace("　", " "));
        }
        Pattern pin = Pattern.compile("(?<![0-9A-Za-z])1234(?![0-9A-Za-z])");
        for (String p : personal) {
            assertThat(logText).doesNotContain(p);
        }
        assertThat(pin.matcher(logText).find()).as("PIN in logs").isFalse();
        try (Stream<Path> files = Files.walk(dir.resolve("kiosk"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (String p : personal) {
                    assertThat(content).as(file + " holds personal data").doesNotContain(p);
                }
                assertThat(pin.matcher(content).find())
                        .as(file + " holds the PIN")
                        .isFalse();
            }
        }
    }

    /** One resident with random interruptions; returns the transaction id. */
    private static String oneRun(
            EngineFixture kiosk,
            SimulatedCard card,
            Random random,
            SimulatedCertificatePrinter printer,
            CenterSimulator center)
            throws Exception {
        EngineSnapshot s = kiosk.insert(card);
        String id = s.transactionId().orElseThrow();
        int event = random.nextInt(14);
        if (event == 0) {
            kiosk.removeCard();
            return id;
        }
        if (event == 1) {
            kiosk.engine.timeout().get();
            kiosk.removeCard();
            return id;
        }
        if (event == 2) {
            kiosk.pin("0000");
        }
        s = kiosk.pin("1234");
        if (event == 3) {
            kiosk.engine.cancel().get();
            kiosk.removeCard();
            return id;
        }
        int copies = 1 + random.nextInt(3);
        kiosk.order(copies);
        if (event == 4) {
            kiosk.removeCard();
            return id;
        }
        kiosk.confirm();
        if (event == 5) {
            kiosk.coin(100);
            kiosk.engine
                    .await(x -> x.inserted().amount() == 100, Duration.ofSeconds(10))
                    .orElseThrow();
            kiosk.engine.timeout().get();
            kiosk.removeCard();
            return id;
        }
        if (event == 6) {
            printer.jamOnJob(1 + random.nextInt(copies));
        }
        if (event == 7) {
            center.faults().failNext(5, "/v1/sessions/");
        }
        if (event == 8) {
            center.faults()
                    .enqueue(jp.madoguchi.sim.center.Fault.of(
                            jp.madoguchi.sim.center.Fault.Kind.MISMATCHED_BINDING, "/v1/sessions/", 3));
        }
        kiosk.coin(1000);
        EngineSnapshot end = kiosk.awaitEnd();
        assertThat(end.state()).isIn(TransactionState.PRINTED, TransactionState.FAILED, TransactionState.CANCELLED);
        kiosk.removeCard();
        return id;
    }

    private static void assertInvariants(
            EngineFixture kiosk, String id, List<SimulatedCertificatePrinter.PrintedJob> jobs, int run) {
        TransactionId tx = new TransactionId(id);
        assertThat(kiosk.kiosk.journal().find(tx).orElseThrow().state().isFinal())
                .as("run %d ended", run)
                .isTrue();
        MoneyBalance money = kiosk.kiosk.journal().balance(tx);
        assertThat(money.isSettled())
                .as("run %d: cash in = printed fees + change + refunds: %s", run, money)
                .isTrue();
        List<OrderedDocument> ordered = kiosk.kiosk.journal().orderedDocuments(tx);
        Set<String> mine = ordered.stream().map(OrderedDocument::documentId).collect(Collectors.toSet());
        for (SimulatedCertificatePrinter.PrintedJob job : jobs) {
            assertThat(mine).as("run %d printed only its own documents", run).contains(job.documentId());
        }
        for (OrderedDocument d : ordered) {
            long printed = jobs.stream()
                    .filter(j -> j.documentId().equals(d.documentId()))
                    .count();
            assertThat(printed).as("run %d copies of %s", run, d.documentId()).isLessThanOrEqualTo(d.copies());
            assertThat(kiosk.kiosk.journal().printedCopies(tx, d.documentId())).isEqualTo((int) printed);
        }
    }
}
