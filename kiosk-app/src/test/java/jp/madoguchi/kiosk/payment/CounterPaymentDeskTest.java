package jp.madoguchi.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.kiosk.money.Yen;
import org.junit.jupiter.api.Test;

class CounterPaymentDeskTest {
    @Test
    void staffTakeTheFeeAndTheTillPaysChangeInFullWithoutAVoucher() {
        CounterPaymentDesk desk = new CounterPaymentDesk();
        List<Yen> journaled = new ArrayList<>();
        PaymentSession session = new PaymentSession(desk, desk.till(), Yen.of(450), journaled::add);
        assertThat(desk.isCollecting()).isTrue();
        assertThat(desk.staffReceived(Yen.of(1000))).isTrue();
        assertThat(session.isPaid()).isTrue();
        assertThat(desk.isCollecting()).as("inhibited once paid").isFalse();
        Payout change = session.payChange();
        assertThat(change.paid()).isEqualTo(Yen.of(550));
        assertThat(change.needsVoucher()).isFalse();
        assertThat(desk.handedOut()).isEqualTo(Yen.of(550));
        assertThat(journaled).containsExactly(Yen.of(1000));
    }

    @Test
    void amountsKeyedInWhileNoFeeIsCollectedAreRefused() {
        CounterPaymentDesk desk = new CounterPaymentDesk();
        assertThat(desk.staffReceived(Yen.of(300))).isFalse();
        PaymentSession session = new PaymentSession(desk, desk.till(), Yen.of(300), y -> {});
        session.refundAll();
        assertThat(desk.staffReceived(Yen.of(300))).isFalse();
    }
}
