package jp.madoguchi.kiosk.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.journal.JournaledTransaction;
import jp.madoguchi.kiosk.journal.MoneyBalance;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.center.CenterSimulator;

/** One simulated kiosk of a test against a shared center simulator, with short steps to drive it. */
final class EngineFixture implements AutoCloseable {
    /** A weekday at 10:00 Japan time, running: inside every service window of the simulators. */
    static Clock daytimeClock() {
        return jp.madoguchi.kiosk.SharedCenter.daytimeClock();
    }

    final KioskAssembly kiosk;
    final TransactionEngine engine;
    final CenterSimulator center;

    EngineFixture(Path dataDir, String kioskId, CenterSimulator center, CardIssuer issuer, EngineSettings settings) {
        KioskConfig config = new KioskConfigLoader(dataDir.toString()).defaults();
        config = new KioskConfig(
                new KioskConfig.Kiosk(kioskId, config.kiosk().deployment(), dataDir),
                config.card(),
                config.center(),
                config.printers(),
                config.payment(),
                config.ledger(),
                config.hours(),
                config.ui());
        this.center = center;
        this.kiosk = KioskAssembly.build(
                config,
                KioskAssembly.Options.defaults()
                        .withDataDir(dataDir)
                        .withClock(daytimeClock())
                        .withSettings(settings)
                        .withSharedCenter(center, issuer));
        this.engine = kiosk.engine();
    }

    SimulatedCard card() {
        return kiosk.residentCard().orElseThrow();
    }

    EngineSnapshot insert(SimulatedCard card) throws Exception {
        kiosk.cardSlot().orElseThrow().insert(card);
        return engine.cardInserted().get(30, TimeUnit.SECONDS);
    }

    EngineSnapshot pin(String pin) throws Exception {
        return engine.pinEntered(pin.toCharArray()).get(30, TimeUnit.SECONDS);
    }

    EngineSnapshot authenticate() throws Exception {
        insert(card());
        EngineSnapshot s = pin("1234");
        assertThat(s.state()).isEqualTo(TransactionState.AUTHENTICATED);
        return s;
    }

    EngineSnapshot order(int copies) throws Exception {
        return engine.orderChosen(
                        List.of(new OrderItem(CertificateType.RESIDENCE_RECORD, null, List.of(), List.of(), copies)))
                .get(30, TimeUnit.SECONDS);
    }

    EngineSnapshot confirm() throws Exception {
        return engine.feeConfirmed().get(30, TimeUnit.SECONDS);
    }

    void coin(long yen) {
        assertThat(kiosk.cashAcceptor().orElseThrow().insert(Yen.of(yen)))
                .as("acceptor took " + yen)
                .isTrue();
    }

    EngineSnapshot awaitEnd() throws Exception {
        return engine.await(
                        s -> s.state() == TransactionState.PRINTED || s.state().isFinal(), Duration.ofSeconds(60))
                .orElseThrow();
    }

    EngineSnapshot removeCard() throws Exception {
        kiosk.cardSlot().orElseThrow().remove();
        return engine.cardRemoved().get(30, TimeUnit.SECONDS);
    }

    JournaledTransaction journaled(EngineSnapshot s) {
        return kiosk.journal()
                .find(new TransactionId(s.transactionId().orElseThrow()))
                .orElseThrow();
    }

    MoneyBalance money(EngineSnapshot s) {
        return kiosk.journal().balance(new TransactionId(s.transactionId().orElseThrow()));
    }

    /** The invariant of design §3 for every transaction this kiosk journaled. */
    void assertMoneyConserved() {
        for (JournaledTransaction t : kiosk.journal().unfinished()) {
            throw new AssertionError("transaction left open: " + t.id() + " in " + t.state());
        }
    }

    @Override
    public void close() {
        kiosk.close();
    }
}
