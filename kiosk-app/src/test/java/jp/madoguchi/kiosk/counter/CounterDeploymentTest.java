package jp.madoguchi.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.clerk.ClerkKiosk;
import jp.madoguchi.kiosk.journal.MoneyBalance;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionEngine;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.printer.EmulatedReceipt;
import jp.madoguchi.sim.printer.EscPosPrinterEmulator;
import jp.madoguchi.sim.resident.Resident;
import jp.madoguchi.sim.resident.ResidentCatalogue;
import jp.madoguchi.testing.IppEvePrinter;
import jp.madoguchi.testing.RequiresStack;
import jp.madoguchi.testing.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The municipal counter deployment end to end: the resident's terminal prints a 受付票 over real
 * ESC/POS (the emulator on TCP), staff confirm the payment by QR text or ticket number, and only
 * then does the certificate print on the back-office printer (a real IPP printer,
 * ippeveprinter). The card and the center are the simulators.
 */
@RequiresStack(Stack.IPPEVEPRINTER)
class CounterDeploymentTest {
    @TempDir
    static Path shared;

    static CenterSimulator center;
    static CardIssuer issuer;

    @TempDir
    Path dir;

    EscPosPrinterEmulator ticketPrinter;
    IppEvePrinter backOffice;
    ClerkKiosk terminal;
    TransactionEngine engine;
    CardSlot slot;
    CounterWindow window;

    @BeforeEach
    void startCounter() throws Exception {
        center = CenterSimulator.builder(dir.resolve("sim"))
                .clock(ClerkKiosk.daytimeClock())
                .start();
        CardIssuer issuer = CardIssuer.open(dir.resolve("sim"));
        ticketPrinter = EscPosPrinterEmulator.start(0, null);
        backOffice = IppEvePrinter.start(
                Files.createDirectories(dir.resolve("backoffice")), IppEvePrinter.PRINTS_EVERYTHING);
        terminal = new ClerkKiosk(
                dir.resolve("terminal"),
                "KCT01",
                """
                  deployment: COUNTER
                printers:
                  certificateSource: REAL
                  certificateUri: %s
                  receiptSource: REAL
                  receiptAddress: tcp://127.0.0.1:%d
                payment:
                  device: COUNTER
                counter:
                  window: 市民課 2番窓口
                  ticketPrefix: A
                  paymentWaitMinutes: 10
                """
                        .formatted(backOffice.uri(), ticketPrinter.port()),
                center,
                issuer);
        engine = terminal.kiosk.engine();
        slot = terminal.kiosk.cardSlot().orElseThrow();
        window = new CounterWindow(id -> Optional.of(terminal.kiosk.journal().balance(id)));
        window.serve(terminal.kiosk.counterLane().orElseThrow());
    }

    @AfterEach
    void stopCounter() {
        terminal.close();
        backOffice.close();
        ticketPrinter.close();
    }

    private Resident resident(int i) {
        return terminal.residentsOf(ResidentCatalogue.SHINONOME.code()).get(i);
    }

    /** Card, PIN, order, fee confirmed: the terminal waits for the counter. */
    private EngineSnapshot orderAtTheTerminal(Resident r, int copies) throws Exception {
        slot.insert(terminal.cardOf(r));
        engine.cardInserted().get(30, TimeUnit.SECONDS);
        assertThat(engine.pinEntered("1234".toCharArray())
                        .get(30, TimeUnit.SECONDS)
                        .state())
                .isEqualTo(TransactionState.AUTHENTICATED);
        engine.orderChosen(List.of(new OrderItem(CertificateType.RESIDENCE_RECORD, null, List.of(), List.of(), copies)))
                .get(30, TimeUnit.SECONDS);
        return engine.feeConfirmed().get(30, TimeUnit.SECONDS);
    }

    private EmulatedReceipt awaitTicket(int receiptsBefore) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ticketPrinter.receipts().size() > receiptsBefore);
        return ticketPrinter.receipts().get(receiptsBefore);
    }

    private EngineSnapshot awaitPrinted() throws InterruptedException {
        return engine.await(
                        s -> s.state() == TransactionState.PRINTED || s.state().isFinal(), Duration.ofSeconds(60))
                .orElseThrow();
    }

    private MoneyBalance money(EngineSnapshot s) {
        return terminal.kiosk
                .journal()
                .balance(new TransactionId(s.transactionId().orElseThrow()));
    }

    @Test
    void aTicketReleasesItsOwnCertificateOnlyAfterStaffConfirmThePayment() throws Exception {
        EngineSnapshot waiting = orderAtTheTerminal(resident(0), 2);
        assertThat(waiting.state()).isEqualTo(TransactionState.FEE_CONFIRMED);
        Yen fee = waiting.fee();
        EmulatedReceipt ticket = awaitTicket(0);
        assertThat(ticket.text()).contains("A-001", "市民課 2番窓口", "住民票の写し", "2通");
        assertThat(ticket.text()).contains(String.format("%,d円", fee.amount()));
        String qr = ticket.qrCodes().get(0);
        assertThat(qr).isEqualTo("MGTICKET:A-001:" + waiting.transactionId().orElseThrow() + ":" + fee.amount());
        assertThat(window.waiting())
                .singleElement()
                .satisfies(t -> assertThat(t.code().ticketNumber()).isEqualTo("A-001"));

        // Nothing prints and no money is journaled before staff confirm.
        assertThat(window.confirm("A-002").outcome()).isEqualTo(CounterWindow.Outcome.NOT_WAITING);
        assertThat(window.confirm("領収書").outcome()).isEqualTo(CounterWindow.Outcome.NOT_A_TICKET);
        assertThat(window.confirm(qr, Optional.of(fee.minus(Yen.of(10)))).outcome())
                .isEqualTo(CounterWindow.Outcome.AMOUNT_SHORT);
        String forged = "MGTICKET:A-001:" + waiting.transactionId().orElseThrow() + ":10";
        assertThat(window.confirm(forged).outcome())
                .as("a QR with another fee is not this ticket")
                .isEqualTo(CounterWindow.Outcome.NOT_WAITING);
        assertThat(engine.snapshot().state()).isEqualTo(TransactionState.FEE_CONFIRMED);
        assertThat(money(waiting).inserted()).isEqualTo(Yen.ZERO);
        assertThat(backOffice.spooledPdfs()).isEmpty();

        CounterWindow.Confirmation paid = window.confirm(qr, Optional.of(fee.plus(Yen.of(1000))));
        assertThat(paid.outcome()).isEqualTo(CounterWindow.Outcome.RELEASED);
        assertThat(paid.change()).isEqualTo(Yen.of(1000));
        EngineSnapshot printed = awaitPrinted();
        assertThat(printed.state()).isEqualTo(TransactionState.PRINTED);
        assertThat(printed.copiesPrinted()).isEqualTo(2);
        assertThat(backOffice.spooledPdfs()).hasSize(2);
        MoneyBalance balance = money(printed);
        assertThat(balance.inserted()).isEqualTo(fee.plus(Yen.of(1000)));
        assertThat(balance.printedFees()).isEqualTo(fee);
        assertThat(balance.changePaid()).isEqualTo(Yen.of(1000));
        assertThat(balance.isSettled()).isTrue();
        assertThat(window.waiting()).isEmpty();
        assertThat(window.confirm(qr).outcome())
                .as("a ticket releases once")
                .isEqualTo(CounterWindow.Outcome.NOT_WAITING);

        slot.remove();
        assertThat(engine.cardRemoved().get(30, TimeUnit.SECONDS).state()).isEqualTo(TransactionState.IDLE);
        assertThat(terminal.kiosk
                        .journal()
                        .find(new TransactionId(printed.transactionId().orElseThrow()))
                        .orElseThrow()
                        .state())
                .isEqualTo(TransactionState.DONE);

        // The day's close prints on the same ESC/POS printer, and counts the fee paid to staff.
        int before = ticketPrinter.receipts().size();
        terminal.clerk()
                .dailyClose()
                .print(ClerkKiosk.DAY, terminal.clerk().devices().receiptPrinter());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ticketPrinter.receipts().size() > before);
        String close = ticketPrinter
                .receipts()
                .get(ticketPrinter.receipts().size() - 1)
                .text();
        assertThat(close).contains("日計表", "手数料合計", String.format("%,d円", fee.amount()));
    }

    @Test
    void aTicketWhoseResidentLeftReleasesNothingAndTheNextIsConfirmedByItsNumber() throws Exception {
        EngineSnapshot first = orderAtTheTerminal(resident(1), 1);
        String firstQr = awaitTicket(0).qrCodes().get(0);
        slot.remove(); // the resident takes the card and walks away: the session ends
        assertThat(engine.cardRemoved().get(30, TimeUnit.SECONDS).state()).isEqualTo(TransactionState.IDLE);
        assertThat(window.waiting()).isEmpty();
        assertThat(window.confirm(firstQr).outcome()).isEqualTo(CounterWindow.Outcome.NOT_WAITING);
        assertThat(money(first).inserted()).isEqualTo(Yen.ZERO);
        assertThat(terminal.kiosk
                        .journal()
                        .find(new TransactionId(first.transactionId().orElseThrow()))
                        .orElseThrow()
                        .state())
                .isEqualTo(TransactionState.CANCELLED);

        EngineSnapshot second = orderAtTheTerminal(resident(2), 1);
        EmulatedReceipt ticket = awaitTicket(1);
        assertThat(ticket.text()).contains("A-002");
        assertThat(window.confirm(firstQr).outcome())
                .as("the earlier ticket cannot release the next resident's certificate")
                .isEqualTo(CounterWindow.Outcome.NOT_WAITING);
        assertThat(window.confirm("a2").outcome()).isEqualTo(CounterWindow.Outcome.RELEASED);
        EngineSnapshot printed = awaitPrinted();
        assertThat(printed.transactionId()).isEqualTo(second.transactionId());
        assertThat(printed.copiesPrinted()).isEqualTo(1);
        assertThat(backOffice.spooledPdfs()).hasSize(1);
        slot.remove();
        engine.cardRemoved().get(30, TimeUnit.SECONDS);

        try (Stream<Path> files = Files.walk(dir.resolve("terminal"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".pdf")))
                    .as("certificates live in memory only")
                    .isEmpty();
        }
    }

    @Test
    void noTicketPaperMeansTheResidentIsNotSentToTheCounter() throws Exception {
        ticketPrinter.paperOut();
        EngineSnapshot s = orderAtTheTerminal(resident(3), 1);
        assertThat(s.state()).isEqualTo(TransactionState.FAILED);
        assertThat(s.errorCode()).contains("TICKET_NOT_PRINTED");
        assertThat(window.waiting()).isEmpty();
        assertThat(money(s).inserted()).isEqualTo(Yen.ZERO);
    }
}
