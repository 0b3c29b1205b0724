package jp.madoguchi.kiosk.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.SharedCenter;
import jp.madoguchi.kiosk.journal.MoneyBalance;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.payment.SimulatedCoinHopper;
import jp.madoguchi.printer.receipt.RefundVoucher;
import jp.madoguchi.printer.receipt.TransactionReceipt;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.center.Fault;
import jp.madoguchi.sim.center.RecordedRequest;
import jp.madoguchi.sim.center.registry.DocumentStatus;
import jp.madoguchi.sim.resident.CatalogueCardholders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine against the real center simulator, card simulator, journal and overlay, in-process. */
class TransactionEngineTest {
    private static final AtomicInteger KIOSKS = new AtomicInteger();

    @RegisterExtension
    static final SharedCenter sim = new SharedCenter();

    @TempDir
    Path dataDir;

    EngineFixture kiosk;

    @BeforeEach
    void newKiosk() {
        sim.center().faults().clear();
        kiosk = new EngineFixture(
                dataDir,
                String.format("KT%03d", KIOSKS.incrementAndGet()),
                sim.center(),
                sim.issuer(),
                EngineSettings.defaults().withResidentTimeout(Duration.ofMinutes(5)));
    }

    @org.junit.jupiter.api.AfterEach
    void closeKiosk() {
        kiosk.close();
    }

    @Test
    void residentGetsOneResidenceRecordAndChangeForAThousandYenBill() throws Exception {
        kiosk.authenticate();
        EngineSnapshot ordered = kiosk.order(1);
        assertThat(ordered.state()).isEqualTo(TransactionState.ORDER_CHOSEN);
        long fee = ordered.fee().amount();
        assertThat(fee).isPositive();
        kiosk.confirm();
        kiosk.coin(1000);
        EngineSnapshot printed = kiosk.awaitEnd();
        assertThat(printed.state()).isEqualTo(TransactionState.PRINTED);
        assertThat(printed.copiesPrinted()).isEqualTo(1);
        assertThat(printed.changePaid().amount()).isEqualTo(1000 - fee);
        TransactionId id = new TransactionId(printed.transactionId().orElseThrow());

        EngineSnapshot after = kiosk.removeCard();
        assertThat(after.state()).isEqualTo(TransactionState.IDLE);
        assertThat(kiosk.kiosk.journal().history(id))
                .containsSubsequence(
                        TransactionState.CARD_PRESENT,
                        TransactionState.PIN_VERIFIED,
                        TransactionState.AUTHENTICATED,
                        TransactionState.ORDER_CHOSEN,
                        TransactionState.FEE_CONFIRMED,
                        TransactionState.PAID,
                        TransactionState.DOCUMENTS_RECEIVED,
                        TransactionState.PRINTING,
                        TransactionState.PRINTED,
                        TransactionState.CARD_REMOVED,
                        TransactionState.DONE);
        MoneyBalance money = kiosk.kiosk.journal().balance(id);
        assertThat(money.isSettled()).isTrue();
        assertThat(money.printedFees().amount()).isEqualTo(fee);
        String documentId = kiosk.kiosk.journal().orderedDocuments(id).get(0).documentId();
        assertThat(kiosk.kiosk.simulatedPrinter().orElseThrow().printedJobs())
                .extracting(j -> j.documentId())
                .containsExactly(documentId);
        assertThat(sim.center().documentStatus(documentId)).contains(DocumentStatus.ISSUED);
        assertThat(kiosk.kiosk.simulatedReceipts().orElseThrow().printed())
                .filteredOn(r -> r instanceof TransactionReceipt)
                .singleElement()
                .satisfies(r -> assertThat(((TransactionReceipt) r).items()).hasSize(1));
    }

    enum Step {
        CARD_PRESENT,
        AUTHENTICATED,
        ORDER_CHOSEN,
        FEE_CONFIRMED_PART_PAID
    }

    private EngineSnapshot driveTo(Step step) throws Exception {
        EngineSnapshot s = kiosk.insert(kiosk.card());
        if (step == Step.CARD_PRESENT) {
            return s;
        }
        s = kiosk.pin("1234");
        if (step == Step.AUTHENTICATED) {
            return s;
        }
        s = kiosk.order(2);
        if (step == Step.ORDER_CHOSEN) {
            return s;
        }
        kiosk.confirm();
        kiosk.coin(100);
        return kiosk.engine
                .await(x -> x.inserted().amount() == 100, Duration.ofSeconds(10))
                .orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void removingTheCardAtAnyStepEndsEverythingAndRefundsInFull(Step step) throws Exception {
        EngineSnapshot s = driveTo(step);
        assertThat(s.state().name()).startsWith(step.name().substring(0, 8));
        int sessionsBefore = sim.center().openSessions();
        EngineSnapshot after = kiosk.removeCard();
        assertThat(after.state()).isEqualTo(TransactionState.IDLE);
        assertThat(kiosk.journaled(s).state()).isEqualTo(TransactionState.CANCELLED);
        MoneyBalance money = kiosk.money(s);
        assertThat(money.isSettled()).isTrue();
        assertThat(money.printedFees().amount()).isZero();
        assertThat(money.refundsPaid()).isEqualTo(money.inserted());
        if (step != Step.CARD_PRESENT) {
            assertThat(sim.center().openSessions()).isLessThan(sessionsBefore);
        }
        assertThat(kiosk.kiosk.simulatedPrinter().orElseThrow().printedJobs()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void aTimeoutAtAnyWaitingStepCancelsAndRefunds(Step step) throws Exception {
        EngineSnapshot s = driveTo(step);
        EngineSnapshot after = kiosk.engine.timeout().get();
        assertThat(after.state()).isEqualTo(TransactionState.CANCELLED);
        assertThat(after.errorCode()).contains("TIMEOUT");
        MoneyBalance money = kiosk.money(s);
        assertThat(money.isSettled()).isTrue();
        assertThat(money.refundsPaid()).isEqualTo(money.inserted());
        kiosk.assertMoneyConserved();
    }

    @Test
    void theEnginesOwnTimerCancelsAnAbandonedPinScreen() throws Exception {
        kiosk.close();
        kiosk = new EngineFixture(
                dataDir.resolve("short"),
                "KTIMER",
                sim.center(),
                sim.issuer(),
                EngineSettings.defaults().withResidentTimeout(Duration.ofMillis(300)));
        kiosk.insert(kiosk.card());
        EngineSnapshot end = kiosk.engine
                .await(x -> x.state().isFinal(), Duration.ofSeconds(10))
                .orElseThrow();
        assertThat(end.state()).isEqualTo(TransactionState.CANCELLED);
        assertThat(end.errorCode()).contains("TIMEOUT");
    }

    @Test
    void aWrongPinShowsTriesLeftAndTheRightOneStillWorks() throws Exception {
        kiosk.insert(kiosk.card());
        EngineSnapshot wrong = kiosk.pin("9999");
        assertThat(wrong.state()).isEqualTo(TransactionState.CARD_PRESENT);
        assertThat(wrong.errorCode()).contains("WRONG_PIN");
        assertThat(wrong.pinTriesLeft()).isEqualTo(2);
        EngineSnapshot right = kiosk.pin("1234");
        assertThat(right.state()).isEqualTo(TransactionState.AUTHENTICATED);
        assertThat(right.menu()).isPresent();
    }

    @Test
    void lockedPinSendsResidentToMunicipalOffice() throws Exception {
        SimulatedCard card = sim.issuer()
                .issue(CatalogueCardholders.cardholderOf(
                        sim.center().catalogue().find("R0002").orElseThrow()));
        card.lockAuthPin();
        EngineSnapshot s = kiosk.insert(card);
        assertThat(s.state()).isEqualTo(TransactionState.FAILED);
        assertThat(s.errorCode()).contains("PIN_LOCKED");
        assertThat(s.messageKey()).isEqualTo("card.pinLocked");
    }

    @Test
    void thirdWrongPinLocksAndNothingMoreIsSent() throws Exception {
        SimulatedCard card = sim.issuer()
                .issue(CatalogueCardholders.cardholderOf(
                        sim.center().catalogue().find("R0002").orElseThrow()));
        kiosk.insert(card);
        kiosk.pin("0000");
        EngineSnapshot last = kiosk.pin("0001");
        assertThat(last.messageKey()).isEqualTo("pin.wrong.lastTry");
        EngineSnapshot locked = kiosk.pin("0002");
        assertThat(locked.state()).isEqualTo(TransactionState.FAILED);
        assertThat(locked.errorCode()).contains("PIN_LOCKED");
    }

    @Test
    void revokedCertificateIsRefusedBeforeAnyMoney() throws Exception {
        SimulatedCard card = sim.issuer()
                .issue(CatalogueCardholders.cardholderOf(
                        sim.center().catalogue().find("R0006").orElseThrow()));
        sim.center().revoke(card.authCertificate());
        kiosk.insert(card);
        EngineSnapshot s = kiosk.pin("1234");
        assertThat(s.state()).isEqualTo(TransactionState.FAILED);
        assertThat(s.errorCode()).contains("CERT_REVOKED");
        assertThat(s.messageKey()).isEqualTo("center.error.CERT_REVOKED");
    }

    @Test
    void movedOutResidentIsBlocked() throws Exception {
        SimulatedCard card = sim.issuer()
                .issue(CatalogueCardholders.cardholderOf(
                        sim.center().catalogue().find("R0004").orElseThrow()));
        kiosk.insert(card);
        EngineSnapshot s = kiosk.pin("1234");
        assertThat(s.state()).isEqualTo(TransactionState.FAILED);
        assertThat(s.errorCode()).contains("RESIDENT_BLOCKED");
    }

    @Test
    void centerOutsideHoursAndMaintenanceAreShownToTheResident() throws Exception {
        sim.center().faults().outsideHours(true);
        kiosk.insert(kiosk.card());
        EngineSnapshot s = kiosk.pin("1234");
        assertThat(s.errorCode()).contains("OUTSIDE_HOURS");
        sim.center().faults().clear();
        kiosk.removeCard();

        String municipality =
                sim.center().catalogue().find("R0001").orElseThrow().municipalityCode();
        sim.center().maintenance(municipality, true);
        try {
            kiosk.insert(kiosk.card());
            EngineSnapshot m = kiosk.pin("1234");
            assertThat(m.errorCode()).contains("MUNICIPALITY_MAINTENANCE");
        } finally {
            sim.center().maintenance(municipality, false);
        }
    }

    @Test
    void centerUnreachableAfterPaymentRefundsEverything() throws Exception {
        kiosk.authenticate();
        kiosk.order(1);
        kiosk.confirm();
        sim.center().faults().failNext(5, "/v1/sessions/");
        kiosk.coin(500);
        EngineSnapshot end = kiosk.awaitEnd();
        assertThat(end.state()).isEqualTo(TransactionState.FAILED);
        assertThat(end.errorCode()).contains("CENTER_UNAVAILABLE");
        MoneyBalance money = kiosk.money(end);
        assertThat(money.isSettled()).isTrue();
        assertThat(money.printedFees().amount()).isZero();
        assertThat(money.changePaid().plus(money.refundsPaid()).amount()).isEqualTo(500);
        assertThat(kiosk.kiosk.simulatedPrinter().orElseThrow().printedJobs()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.Kind.class,
            names = {"MISMATCHED_BINDING", "TAMPERED_CONTENT", "GARBAGE_BODY"})
    void aDocumentNotProvablyForThisResidentIsNeverPrinted(Fault.Kind fault) throws Exception {
        kiosk.authenticate();
        kiosk.order(1);
        kiosk.confirm();
        sim.center().faults().enqueue(Fault.of(fault, "/v1/sessions/", 3));
        kiosk.coin(1000);
        EngineSnapshot end = kiosk.awaitEnd();
        assertThat(end.state()).isEqualTo(TransactionState.FAILED);
        assertThat(kiosk.kiosk.simulatedPrinter().orElseThrow().printedJobs()).isEmpty();
        MoneyBalance money = kiosk.money(end);
        assertThat(money.isSettled()).isTrue();
        assertThat(money.inserted().amount()).isEqualTo(1000);
        assertThat(money.printedFees().amount()).isZero();
    }

    @Test
    void aJamOnTheSecondOfThreeCopiesRefundsTheTwoUnprintedCopies() throws Exception {
        kiosk.authenticate();
        EngineSnapshot ordered = kiosk.order(3);
        long perCopy = ordered.fee().amount() / 3;
        kiosk.kiosk.simulatedPrinter().orElseThrow().jamOnJob(2);
        kiosk.confirm();
        kiosk.coin(1000);
        EngineSnapshot end = kiosk.awaitEnd();
        assertThat(end.state()).isEqualTo(TransactionState.FAILED);
        assertThat(end.errorCode()).contains("PAPER_JAM");
        assertThat(end.copiesPrinted()).isEqualTo(1);
        MoneyBalance money = kiosk.money(end);
        assertThat(money.isSettled()).isTrue();
        assertThat(money.printedFees().amount()).isEqualTo(perCopy);
        assertThat(money.refundsPaid().amount()).isEqualTo(2 * perCopy);
        assertThat(money.changePaid().amount()).isEqualTo(1000 - 3 * perCopy);
        String documentId = kiosk.kiosk
                .journal()
                .orderedDocuments(new TransactionId(end.transactionId().orElseThrow()))
                .get(0)
                .documentId();
        // One paper exists, so the center keeps the document as issued.
        assertThat(sim.center().documentStatus(documentId)).contains(DocumentStatus.ISSUED);
    }

    @Test
    void paperRunningOutMidOrderVoidsTheUnprintedDocumentAndRefundsIt() throws Exception {
        kiosk.authenticate();
        kiosk.kiosk.simulatedPrinter().orElseThrow().loadPaper(0);
        EngineSnapshot ordered = kiosk.order(2);
        kiosk.confirm();
        kiosk.coin(1000);
        EngineSnapshot end = kiosk.awaitEnd();
        assertThat(end.errorCode()).contains("PAPER_OUT");
        MoneyBalance money = kiosk.money(end);
        assertThat(money.isSettled()).isTrue();
        assertThat(money.refundsPaid()).isEqualTo(ordered.fee());
        String documentId = kiosk.kiosk
                .journal()
                .orderedDocuments(new TransactionId(end.transactionId().orElseThrow()))
                .get(0)
                .documentId();
        assertThat(sim.center().documentStatus(documentId)).contains(DocumentStatus.VOIDED);
    }

    @Test
    void aPrintJobOverItsTimeLimitTearsDownTheWholeIssuance() throws Exception {
        // Yokohama 2023: the print wait timed out and only the queue was released.
        kiosk.authenticate();
        kiosk.kiosk.simulatedPrinter().orElseThrow().jobDuration(Duration.ofMinutes(10));
        kiosk.order(1);
        kiosk.confirm();
        kiosk.coin(500);
        EngineSnapshot end = kiosk.awaitEnd();
        assertThat(end.state()).isEqualTo(TransactionState.FAILED);
        assertThat(end.errorCode()).contains("JOB_TIMED_OUT");
        String documentId = kiosk.kiosk
                .journal()
                .orderedDocuments(new TransactionId(end.transactionId().orElseThrow()))
                .get(0)
                .documentId();
        assertThat(sim.center().documentStatus(documentId)).contains(DocumentStatus.VOIDED);
        assertThat(kiosk.money(end).isSettled()).isTrue();
        // The next resident starts from nothing: no document of the previous one is left.
        kiosk.removeCard();
        kiosk.kiosk.simulatedPrinter().orElseThrow().jobDuration(Duration.ZERO);
        SimulatedCard next = sim.issuer()
                .issue(CatalogueCardholders.cardholderOf(
                        sim.center().catalogue().find("R0002").orElseThrow()));
        kiosk.insert(next);
        kiosk.pin("1234");
        kiosk.order(1);
        kiosk.confirm();
        kiosk.coin(500);
        EngineSnapshot second = kiosk.awaitEnd();
        assertThat(second.state()).isEqualTo(TransactionState.PRINTED);
        assertThat(kiosk.kiosk.simulatedPrinter().orElseThrow().printedJobs())
                .extracting(j -> j.documentId())
                .doesNotContain(documentId)
                .hasSize(1);
    }

    @Test
    void emptyHoppersGiveARefundVoucherOnTheReceiptPrinter() throws Exception {
        kiosk.kiosk.hoppers().forEach(h -> h.setCoins(0));
        kiosk.authenticate();
        EngineSnapshot ordered = kiosk.order(1);
        kiosk.confirm();
        kiosk.coin(1000);
        EngineSnapshot end = kiosk.awaitEnd();
        assertThat(end.state()).isEqualTo(TransactionState.PRINTED);
        long change = 1000 - ordered.fee().amount();
        assertThat(end.refundOwed().amount()).isEqualTo(change);
        assertThat(end.messageKey()).isEqualTo("refund.voucher");
        assertThat(kiosk.kiosk.simulatedReceipts().orElseThrow().printed())
                .filteredOn(r -> r instanceof RefundVoucher)
                .singleElement()
                .satisfies(r -> assertThat(((RefundVoucher) r).amount()).isEqualTo((int) change));
        assertThat(kiosk.money(end).isSettled()).isTrue();
        assertThat(kiosk.money(end).refundsOwed().amount()).isEqualTo(change);
    }

    @Test
    void cancelWhilePayingRefundsEverythingInserted() throws Exception {
        kiosk.authenticate();
        kiosk.order(2);
        kiosk.confirm();
        kiosk.coin(100);
        kiosk.coin(50);
        kiosk.engine
                .await(x -> x.inserted().amount() == 150, Duration.ofSeconds(10))
                .orElseThrow();
        EngineSnapshot end = kiosk.engine.cancel().get();
        assertThat(end.state()).isEqualTo(TransactionState.CANCELLED);
        assertThat(end.refundPaid().amount()).isEqualTo(150);
        assertThat(kiosk.kiosk.cashAcceptor().orElseThrow().isOpen()).isFalse();
        assertThat(kiosk.money(end).isSettled()).isTrue();
    }

    @Test
    void aPrintedTransactionEndsItsSessionWithTheOutcomeInOneCall() throws Exception {
        sim.center().recordedRequests().forEach(r -> sim.center().takeRequest(Duration.ZERO));
        kiosk.authenticate();
        kiosk.order(1);
        kiosk.confirm();
        kiosk.coin(1000);
        EngineSnapshot printed = kiosk.awaitEnd();
        assertThat(printed.state()).isEqualTo(TransactionState.PRINTED);
        TransactionId id = new TransactionId(printed.transactionId().orElseThrow());
        kiosk.removeCard();

        List<RecordedRequest> outcomes = sim.center().recordedRequests().stream()
                .filter(r -> r.path().endsWith("/outcome"))
                .toList();
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).bodyText()).contains("\"endSession\":true");
        assertThat(sim.center().recordedRequests()).noneMatch(r -> r.method().equals("DELETE"));
        String documentId = kiosk.kiosk.journal().orderedDocuments(id).get(0).documentId();
        assertThat(sim.center().documentStatus(documentId)).contains(DocumentStatus.ISSUED);
    }

    @Test
    void anOrderOutsideTheMenuIsRefusedWithoutLeavingTheMenu() throws Exception {
        kiosk.authenticate();
        EngineSnapshot tooMany = kiosk.order(99);
        assertThat(tooMany.state()).isEqualTo(TransactionState.AUTHENTICATED);
        assertThat(tooMany.errorCode()).contains("ORDER_NOT_ALLOWED");
        EngineSnapshot ok = kiosk.engine
                .orderChosen(List.of(OrderItem.self(CertificateType.RESIDENCE_RECORD)))
                .get();
        assertThat(ok.state()).isEqualTo(TransactionState.ORDER_CHOSEN);
    }

    @Test
    void hoppersAreLeftAsTheyWereWhenNoChangeIsDue() throws Exception {
        kiosk.authenticate();
        EngineSnapshot ordered = kiosk.order(1);
        int before = kiosk.kiosk.hoppers().stream()
                .mapToInt(SimulatedCoinHopper::coins)
                .sum();
        kiosk.confirm();
        for (long paid = 0; paid < ordered.fee().amount(); paid += 10) {
            kiosk.coin(10);
        }
        EngineSnapshot end = kiosk.awaitEnd();
        assertThat(end.state()).isEqualTo(TransactionState.PRINTED);
        assertThat(kiosk.kiosk.hoppers().stream()
                        .mapToInt(SimulatedCoinHopper::coins)
                        .sum())
                .isEqualTo(before);
    }

    @Test
    void chosenTaxYearTravelsUnchangedToTheCenterAndOntoThePrintedCertificate() throws Exception {
        kiosk.kiosk.simulatedPrinter().orElseThrow().keepOutput(true);
        EngineSnapshot session = kiosk.authenticate();
        // The clock is in June 2026: 2026年度 is published and 東雲市 offers three years.
        assertThat(session.menu()
                        .orElseThrow()
                        .item(CertificateType.INCOME_TAX)
                        .orElseThrow()
                        .fiscalYears())
                .containsExactly(2026, 2025, 2024);

        EngineSnapshot notOffered =
                kiosk.engine.orderChosen(List.of(OrderItem.incomeTax(2021))).get();
        assertThat(notOffered.state()).isEqualTo(TransactionState.AUTHENTICATED);
        assertThat(notOffered.errorCode()).contains("ORDER_NOT_ALLOWED");

        EngineSnapshot ordered =
                kiosk.engine.orderChosen(List.of(OrderItem.incomeTax(2024))).get();
        assertThat(ordered.state()).isEqualTo(TransactionState.ORDER_CHOSEN);
        assertThat(ordered.order()).singleElement().satisfies(i -> assertThat(i.fiscalYear())
                .isEqualTo(2024));
        kiosk.confirm();
        kiosk.coin(500);
        EngineSnapshot printed = kiosk.awaitEnd();
        assertThat(printed.state()).isEqualTo(TransactionState.PRINTED);

        var printer = kiosk.kiosk.simulatedPrinter().orElseThrow();
        byte[] pdf = printer.output(printer.printedJobs().get(0).jobId()).orElseThrow();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("令和6年度（令和5年中の所得）")
                    .doesNotContain("令和8年度");
        }
        kiosk.removeCard();
    }
}
