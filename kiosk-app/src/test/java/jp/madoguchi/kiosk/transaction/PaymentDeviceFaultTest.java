package jp.madoguchi.kiosk.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.kiosk.SharedCenter;
import jp.madoguchi.kiosk.journal.MoneyBalance;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.payment.SimulatedCoinHopper;
import jp.madoguchi.printer.receipt.RefundVoucher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Payment devices failing in the middle of a transaction: every yen stays accounted for. */
class PaymentDeviceFaultTest {
    private static final AtomicInteger KIOSKS = new AtomicInteger();

    @RegisterExtension
    static final SharedCenter sim = new SharedCenter();

    @TempDir
    Path dataDir;

    EngineFixture kiosk;

    @BeforeEach
    void newKiosk() {
        kiosk = new EngineFixture(
                dataDir,
                String.format("KP%03d", KIOSKS.incrementAndGet()),
                sim.center(),
                sim.issuer(),
                EngineSettings.defaults().withResidentTimeout(Duration.ofMinutes(5)));
    }

    @AfterEach
    void closeKiosk() {
        kiosk.close();
    }

    /** The simulated hoppers, largest coin first: 500, 100, 50, 10 yen. */
    private List<SimulatedCoinHopper> hoppers() {
        return kiosk.kiosk.hoppers();
    }

    @Test
    void aHopperJammingMidChangeIsMadeUpFromSmallerCoins() throws Exception {
        hoppers().get(1).jamAfter(1); // the 100-yen hopper gives one coin, then jams
        kiosk.authenticate();
        EngineSnapshot ordered = kiosk.order(1);
        kiosk.confirm();
        kiosk.coin(1000);
        EngineSnapshot end = kiosk.awaitEnd();

        long change = 1000 - ordered.fee().amount();
        assertThat(end.state()).isEqualTo(TransactionState.PRINTED);
        assertThat(end.changePaid().amount()).isEqualTo(change);
        assertThat(end.refundOwed()).isEqualTo(Yen.ZERO);
        assertThat(hoppers().get(2).coins())
                .as("50-yen coins paid the jammed hopper's share")
                .isLessThan(50);
        assertThat(kiosk.money(end).isSettled()).isTrue();
    }

    @Test
    void hoppersFailingMidChangeLeaveTheRestOnARefundVoucher() throws Exception {
        hoppers().get(1).jamAfter(1);
        hoppers().get(2).breakDown(); // the 50 and 10-yen hoppers report a device fault
        hoppers().get(3).breakDown();
        kiosk.authenticate();
        EngineSnapshot ordered = kiosk.order(1);
        kiosk.confirm();
        kiosk.coin(1000);
        EngineSnapshot end = kiosk.awaitEnd();

        long change = 1000 - ordered.fee().amount();
        long paidOut = Math.min(change / 500, 1) * 500 + 100; // one 500 coin if due, one 100 before the jam
        assertThat(end.state()).isEqualTo(TransactionState.PRINTED);
        assertThat(end.copiesPrinted()).isEqualTo(1);
        assertThat(end.changePaid().amount()).isEqualTo(paidOut);
        assertThat(end.refundOwed().amount()).isEqualTo(change - paidOut);
        assertThat(kiosk.kiosk.simulatedReceipts().orElseThrow().printed())
                .filteredOn(r -> r instanceof RefundVoucher)
                .singleElement()
                .satisfies(r -> assertThat(((RefundVoucher) r).amount()).isEqualTo((int) (change - paidOut)));
        MoneyBalance money = kiosk.money(end);
        assertThat(money.isSettled()).isTrue();
        assertThat(money.inserted().amount())
                .isEqualTo(money.printedFees().amount()
                        + money.changePaid().amount()
                        + money.refundsOwed().amount());
    }

    @Test
    void anAcceptorThatJamsWhilePayingEndsInATimeoutThatRefundsWhatItCounted() throws Exception {
        kiosk.authenticate();
        kiosk.order(1);
        kiosk.confirm();
        kiosk.coin(100);
        kiosk.engine
                .await(s -> s.inserted().amount() == 100, Duration.ofSeconds(10))
                .orElseThrow();
        kiosk.kiosk.cashAcceptor().orElseThrow().jam();
        assertThat(kiosk.kiosk.cashAcceptor().orElseThrow().insert(Yen.of(100)))
                .as("a jammed acceptor takes nothing")
                .isFalse();

        EngineSnapshot end = kiosk.engine.timeout().get();

        assertThat(end.state()).isEqualTo(TransactionState.CANCELLED);
        assertThat(end.refundPaid().amount()).isEqualTo(100);
        assertThat(kiosk.kiosk.simulatedPrinter().orElseThrow().printedJobs()).isEmpty();
        assertThat(kiosk.money(end).isSettled()).isTrue();
        kiosk.assertMoneyConserved();
    }
}
