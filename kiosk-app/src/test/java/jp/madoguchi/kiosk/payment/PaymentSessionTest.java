package jp.madoguchi.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.madoguchi.kiosk.money.Yen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentSessionTest {
    private final SimulatedCashAcceptor acceptor = new SimulatedCashAcceptor();
    private final SimulatedCoinHopper hundreds = new SimulatedCoinHopper(Yen.of(100), 20);
    private final SimulatedCoinHopper tens = new SimulatedCoinHopper(Yen.of(10), 50);
    private final ChangeDispenser dispenser = new ChangeDispenser(List.of(tens, hundreds));
    private final List<Yen> journaled = new ArrayList<>();

    @Test
    void overpaymentGivesChangeAndClosesTheAcceptorOnceThe_feeIsCovered() {
        PaymentSession payment = new PaymentSession(acceptor, dispenser, Yen.of(300), journaled::add);
        assertThat(acceptor.insert(Yen.of(100))).isTrue();
        assertThat(payment.remaining()).isEqualTo(Yen.of(200));
        assertThat(acceptor.insert(Yen.of(500))).isTrue();
        assertThat(payment.isPaid()).isTrue();
        assertThat(acceptor.insert(Yen.of(100)))
                .as("acceptor inhibited once paid")
                .isFalse();

        Payout change = payment.payChange();
        assertThat(change).isEqualTo(new Payout(Yen.of(300), Yen.ZERO));
        assertThat(payment.payChange()).as("change is paid once").isEqualTo(Payout.NONE);
        assertThat(journaled).containsExactly(Yen.of(100), Yen.of(500));
        assertThat(hundreds.coins()).isEqualTo(17);
    }

    @Test
    void anEmptyHopperTurnsTheRestIntoARefundVoucher() {
        hundreds.setCoins(1);
        tens.setCoins(3);
        PaymentSession payment = new PaymentSession(acceptor, dispenser, Yen.of(200), journaled::add);
        acceptor.insert(Yen.of(1000));
        Payout change = payment.payChange();
        assertThat(change.paid()).isEqualTo(Yen.of(130));
        assertThat(change.owed()).isEqualTo(Yen.of(670));
        assertThat(change.needsVoucher()).isTrue();
    }

    @Test
    void cancelBeforePrintingRefundsEverythingInserted() {
        PaymentSession payment = new PaymentSession(acceptor, dispenser, Yen.of(450), journaled::add);
        acceptor.insert(Yen.of(100));
        acceptor.insert(Yen.of(50));
        Payout refund = payment.refundAll();
        assertThat(refund.total()).isEqualTo(Yen.of(150));
        assertThat(acceptor.isOpen()).isFalse();
        assertThat(payment.refundAll()).as("nothing is refunded twice").isEqualTo(Payout.NONE);
    }

    @Test
    void unknownDenominationsComeBackOut() {
        PaymentSession payment = new PaymentSession(acceptor, dispenser, Yen.of(300), journaled::add);
        assertThat(acceptor.insert(Yen.of(2000))).isFalse();
        assertThat(payment.inserted()).isEqualTo(Yen.ZERO);
    }

    /** Money invariant for random payments: inserted = fee kept + change paid + change owed. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99_999})
    void everyInsertedYenIsEitherFeeOrGivenBack(long seed) {
        Random random = new Random(seed);
        Long[] coins = SimulatedCashAcceptor.DENOMINATIONS.toArray(Long[]::new);
        java.util.Arrays.sort(coins);
        for (int round = 0; round < 500; round++) {
            hundreds.setCoins(random.nextInt(5));
            tens.setCoins(random.nextInt(20));
            Yen fee = Yen.of(10L * (1 + random.nextInt(120)));
            PaymentSession payment = new PaymentSession(acceptor, dispenser, fee, journaled::add);
            boolean cancel = random.nextInt(5) == 0;
            while (!payment.isPaid() && !(cancel && random.nextBoolean())) {
                acceptor.insert(Yen.of(coins[random.nextInt(coins.length)]));
            }
            Yen inserted = payment.inserted();
            if (payment.isPaid() && !cancel) {
                Payout change = payment.payChange();
                assertThat(fee.plus(change.total())).isEqualTo(inserted);
            } else {
                Payout refund = payment.refundAll();
                assertThat(refund.total()).isEqualTo(inserted);
            }
            payment.close();
        }
    }
}
