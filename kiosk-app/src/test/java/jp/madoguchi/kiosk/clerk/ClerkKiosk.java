package jp.madoguchi.kiosk.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.demo.SimulatedResident;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSettings;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.resident.CatalogueCardholders;
import jp.madoguchi.sim.resident.Resident;

/**
 * A whole simulated kiosk for clerk tests (real journal, center simulator, card simulator,
 * overlay; in-memory printers and payment), plus residents who use it so that the clerk has
 * something to report on.
 */
public final class ClerkKiosk implements AutoCloseable {
    /** 10:00 Japan time on a weekday, running: inside every simulated service window. */
    public static Clock daytimeClock() {
        return jp.madoguchi.kiosk.SharedCenter.daytimeClock();
    }

    /** The business day of {@link #daytimeClock()}. */
    public static final LocalDate DAY = LocalDate.of(2026, 6, 10);

    /** What one resident did, as the engine (not the journal) reported it. */
    public record Visit(
            String transactionId,
            String municipalityCode,
            TransactionState end,
            int copiesPrinted,
            Yen perCopyFee,
            Yen inserted,
            Yen changePaid,
            Yen refundPaid,
            Yen refundOwed) {}

    public final KioskAssembly kiosk;
    public final CenterSimulator center;
    private final CardIssuer issuer;

    public ClerkKiosk(Path dataDir, String kioskId, String yamlOverlay, CenterSimulator center, CardIssuer issuer)
            throws Exception {
        Path file = dataDir.resolve("kiosk.yaml");
        Files.createDirectories(dataDir);
        Files.writeString(file, "kiosk:\n  id: " + kioskId + "\n" + yamlOverlay);
        KioskConfig config = new KioskConfigLoader(dataDir.toString()).load(file);
        this.center = center;
        this.issuer = issuer;
        this.kiosk = KioskAssembly.build(
                config,
                KioskAssembly.Options.defaults()
                        .withDataDir(dataDir)
                        .withClock(daytimeClock())
                        .withSettings(EngineSettings.defaults().withResidentTimeout(Duration.ofMinutes(5)))
                        .withSharedCenter(center, issuer));
    }

    public ClerkMode clerk() {
        return kiosk.clerkMode();
    }

    /** Plain adult residents of {@code municipalityCode} (no flags, 本籍 at home). */
    public List<Resident> residentsOf(String municipalityCode) {
        List<Resident> plain = new ArrayList<>();
        for (Resident r : center.catalogue().all()) {
            if (r.municipalityCode().equals(municipalityCode)
                    && r.flags().isEmpty()
                    && !r.isForeign()
                    && !r.honsekiElsewhere()
                    && r.ageOn(DAY) >= 20
                    && Integer.parseInt(r.residentId().substring(1)) >= 100) {
                plain.add(r);
            }
        }
        return plain;
    }

    public SimulatedCard cardOf(Resident r) {
        return issuer.issue(CatalogueCardholders.cardholderOf(r));
    }

    /**
     * One resident orders {@code copies} 住民票の写し and pays with {@code coins} (or exactly when
     * empty); with {@code jamNextCopy} the certificate printer jams on the first job.
     */
    public Visit visit(Resident r, int copies, List<Long> coins, boolean jamFirstJob) {
        SimulatedResident hands = new SimulatedResident(kiosk, null);
        EngineSnapshot s = hands.placeCard(cardOf(r));
        assertThat(s.state()).as("card read").isEqualTo(TransactionState.CARD_PRESENT);
        s = hands.enterPin("1234");
        assertThat(s.state()).as("authenticated").isEqualTo(TransactionState.AUTHENTICATED);
        s = hands.choose(List.of(new OrderItem(CertificateType.RESIDENCE_RECORD, null, List.of(), List.of(), copies)));
        assertThat(s.state()).as("ordered " + s.errorCode()).isEqualTo(TransactionState.ORDER_CHOSEN);
        Yen perCopy = Yen.of(s.fee().amount() / copies);
        s = hands.confirmFee();
        if (jamFirstJob) {
            kiosk.simulatedPrinter().orElseThrow().jamOnJob(1);
        }
        if (coins.isEmpty()) {
            hands.pay(s, null);
        } else {
            for (long coin : coins) {
                kiosk.cashAcceptor().orElseThrow().insert(Yen.of(coin));
            }
        }
        EngineSnapshot end = hands.awaitPrintingEnd();
        hands.takeCard();
        return new Visit(
                end.transactionId().orElseThrow(),
                r.municipalityCode(),
                end.state(),
                end.copiesPrinted(),
                perCopy,
                end.inserted(),
                end.changePaid(),
                end.refundPaid(),
                end.refundOwed());
    }

    @Override
    public void close() {
        kiosk.close();
    }
}
