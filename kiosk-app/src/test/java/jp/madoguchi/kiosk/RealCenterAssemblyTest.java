package jp.madoguchi.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.demo.SimulatedResident;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.center.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * center.source REAL: the kiosk reads its client certificate, key and the pinned center CA from
 * center.trustDir and talks mutual TLS to a center started on its own (the simulator, as a
 * separate server on loopback), not to one it started itself.
 */
class RealCenterAssemblyTest {
    /** A weekday at 10:00 Japan time, running. */
    private static final Clock DAYTIME =
            Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2026-06-10T01:00:00Z")));

    @TempDir
    static Path dir;

    static CenterSimulator center;

    @BeforeAll
    static void startCenter() {
        center = CenterSimulator.builder(dir.resolve("center")).clock(DAYTIME).start();
        center.kioskCredential("KR001");
    }

    @AfterAll
    static void stopCenter() {
        center.close();
    }

    private static KioskConfig config(String kioskId, Path trustDir) {
        KioskConfig base = new KioskConfigLoader(dir.toString()).defaults();
        return new KioskConfig(
                new KioskConfig.Kiosk(kioskId, base.kiosk().deployment(), dir.resolve(kioskId)),
                base.card(),
                new KioskConfig.Center(KioskConfig.Source.REAL, center.baseUrl(), trustDir, 10),
                base.printers(),
                base.payment(),
                base.ledger(),
                base.hours(),
                base.ui());
    }

    private static Path trustDir() {
        return center.centerCaFile().getParent();
    }

    @Test
    void aKioskWithItsTrustDirectoryRunsATransactionAgainstASeparatelyStartedCenterOverMutualTls() {
        KioskAssembly.Options options =
                KioskAssembly.Options.defaults().withClock(DAYTIME).withSimulatorDir(dir.resolve("center"));
        try (KioskAssembly kiosk = KioskAssembly.build(config("KR001", trustDir()), options)) {
            assertThat(kiosk.centerSimulator()).as("no center of its own").isEmpty();
            SimulatedResident hands = new SimulatedResident(kiosk, null);
            EngineSnapshot s = hands.placeCard(kiosk.residentCard().orElseThrow());
            String id = s.transactionId().orElseThrow();
            s = hands.enterPin("1234");
            assertThat(s.state()).isEqualTo(TransactionState.AUTHENTICATED);
            s = hands.choose(List.of(OrderItem.self(CertificateType.RESIDENCE_RECORD)));
            hands.pay(hands.confirmFee(), Yen.of(1000));
            assertThat(hands.awaitPrintingEnd().copiesPrinted()).isEqualTo(1);
            hands.takeCard();

            assertThat(kiosk.journal().find(new TransactionId(id)).orElseThrow().state())
                    .isEqualTo(TransactionState.DONE);
            assertThat(kiosk.journal().balance(new TransactionId(id)).isSettled())
                    .isTrue();
            assertThat(center.recordedRequests())
                    .extracting(RecordedRequest::kioskId)
                    .contains("KR001");
            assertThat(center.openSessions()).isZero();
        }
    }

    @Test
    void aMissingKioskCertificateIsAConfigurationErrorNamingTheFile() {
        assertThatThrownBy(() -> KioskAssembly.build(
                        config("KR404", trustDir()),
                        KioskAssembly.Options.defaults().withClock(DAYTIME).withSimulatorDir(dir.resolve("center"))))
                .isInstanceOfSatisfying(KioskException.class, e -> {
                    assertThat(e.code()).isEqualTo(KioskErrorCode.CONFIGURATION_INVALID);
                    assertThat(e.getMessage()).contains("KR404.crt.pem");
                });
    }

    @Test
    void aCenterThatIsNotThePinnedOneIsRefusedBeforeAnythingIsSent() throws Exception {
        // Another center CA in the trust directory: the TLS handshake with the real center must fail.
        Path otherTrust = dir.resolve("other-trust");
        try (CenterSimulator other =
                CenterSimulator.builder(dir.resolve("other")).clock(DAYTIME).start()) {
            other.kioskCredential("KR002");
            Path source = other.centerCaFile().getParent();
            Files.createDirectories(otherTrust.resolve("kiosks"));
            Files.copy(source.resolve("center-ca.crt.pem"), otherTrust.resolve("center-ca.crt.pem"));
            Files.copy(source.resolve("kiosks/KR002.crt.pem"), otherTrust.resolve("kiosks/KR002.crt.pem"));
            Files.copy(source.resolve("kiosks/KR002.key.pem"), otherTrust.resolve("kiosks/KR002.key.pem"));
        }
        KioskAssembly.Options options =
                KioskAssembly.Options.defaults().withClock(DAYTIME).withSimulatorDir(dir.resolve("center"));
        int before = center.recordedRequests().size();
        try (KioskAssembly kiosk = KioskAssembly.build(config("KR002", otherTrust), options)) {
            SimulatedResident hands = new SimulatedResident(kiosk, null);
            hands.placeCard(kiosk.residentCard().orElseThrow());
            EngineSnapshot s = hands.enterPin("1234");
            assertThat(s.state()).isEqualTo(TransactionState.FAILED);
            assertThat(s.errorCode()).isPresent();
        }
        assertThat(center.recordedRequests()).hasSize(before);
    }
}
