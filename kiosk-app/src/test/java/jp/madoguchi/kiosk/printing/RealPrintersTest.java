package jp.madoguchi.kiosk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfigLoader;
import jp.madoguchi.kiosk.demo.SimulatedResident;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.sim.printer.EscPosPrinterEmulator;
import jp.madoguchi.testing.IppEvePrinter;
import jp.madoguchi.testing.RequiresStack;
import jp.madoguchi.testing.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * printers REAL: the certificate goes over IPP to a real IPP Everywhere printer (CUPS'
 * ippeveprinter on localhost) and the receipt as ESC/POS bytes over TCP to the printer emulator.
 */
@RequiresStack(Stack.IPPEVEPRINTER)
class RealPrintersTest {
    private static final Clock DAYTIME =
            Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2026-06-10T01:00:00Z")));

    @TempDir
    Path dir;

    @Test
    void theCertificatePrintsOnAnIppPrinterAndTheReceiptOnAnEscPosPrinterOverTcp() throws Exception {
        try (IppEvePrinter ipp = IppEvePrinter.start(dir, IppEvePrinter.PRINTS_EVERYTHING);
                EscPosPrinterEmulator receipts = EscPosPrinterEmulator.start(0, null)) {
            String uri = ipp.uri().toString();
            KioskConfig base = new KioskConfigLoader(dir.toString()).defaults();
            KioskConfig config = new KioskConfig(
                    new KioskConfig.Kiosk("KP001", base.kiosk().deployment(), dir.resolve("kiosk")),
                    base.card(),
                    base.center(),
                    new KioskConfig.Printers(
                            KioskConfig.Source.REAL,
                            uri,
                            KioskConfig.Source.REAL,
                            "tcp://127.0.0.1:" + receipts.port()),
                    base.payment(),
                    base.ledger(),
                    base.hours(),
                    base.ui());
            try (KioskAssembly kiosk = KioskAssembly.build(
                    config,
                    KioskAssembly.Options.defaults()
                            .withDataDir(dir.resolve("kiosk"))
                            .withClock(DAYTIME))) {
                assertThat(kiosk.simulatedPrinter()).isEmpty();
                assertThat(kiosk.simulatedReceipts()).isEmpty();
                SimulatedResident hands = new SimulatedResident(kiosk, null);
                hands.placeCard(kiosk.residentCard().orElseThrow());
                hands.enterPin("1234");
                hands.choose(List.of(OrderItem.self(CertificateType.RESIDENCE_RECORD)));
                hands.pay(hands.confirmFee(), Yen.of(1000));
                EngineSnapshot printed = hands.awaitPrintingEnd();
                assertThat(printed.state()).isEqualTo(TransactionState.PRINTED);
                assertThat(printed.copiesPrinted()).isEqualTo(1);
                hands.takeCard();
            }
            assertThat(ipp.spooledPdfs()).hasSize(1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !receipts.receipts().isEmpty());
            assertThat(receipts.receipts().get(0).cut()).isTrue();
            assertThat(receipts.receipts().get(0).text()).contains("KP001-").doesNotContain("1234");
        }
    }
}
