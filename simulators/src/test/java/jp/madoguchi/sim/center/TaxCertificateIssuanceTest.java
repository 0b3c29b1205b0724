package jp.madoguchi.sim.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import jp.madoguchi.center.CenterClient;
import jp.madoguchi.center.CenterException;
import jp.madoguchi.center.CenterSession;
import jp.madoguchi.center.Issuance;
import jp.madoguchi.center.VerifiedDocument;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.testing.MutableClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tax certificate's fiscal year over the real HTTPS protocol: menu, order, PDF and signed metadata. */
class TaxCertificateIssuanceTest {
    /** Wednesday 1 July 2026, 10:00 in Japan. */
    static final Instant JULY_2026 = Instant.parse("2026-07-01T01:00:00Z");

    @TempDir
    static Path data;

    static final MutableClock clock = new MutableClock(JULY_2026);
    static CenterSimulator center;
    static TestCards cards;
    static Kiosk kiosk;

    @BeforeAll
    static void start() {
        center = CenterSimulator.builder(data).clock(clock).start();
        cards = new TestCards(center.pki());
        kiosk = new Kiosk(CenterClient.builder()
                .baseUrl(center.baseUrl())
                .credentials(center.kioskCredentials("KIOSK-0001"))
                .pinnedCenterCa(center.centerCa())
                .retryBackoff(Duration.ofMillis(10))
                .build());
    }

    @AfterEach
    void resetClock() {
        clock.set(JULY_2026);
    }

    @AfterAll
    static void stop() {
        kiosk.client.close();
        center.close();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void olderYearIsPrintedWithItsEraYearAndIncomeYearAndSignedIntoTheMetadata() throws Exception {
        CenterSession session = kiosk.open(cards.of("R0001"));
        assertThat(session.menu().item(CertificateType.INCOME_TAX).orElseThrow().fiscalYears())
                .containsExactly(2026, 2025, 2024);

        Issuance issuance = kiosk.issue(session, OrderItem.incomeTax(2024), OrderItem.incomeTax(2026));

        VerifiedDocument older = issuance.documents().get(0);
        VerifiedDocument latest = issuance.documents().get(1);
        assertThat(older.metadata().fiscalYear()).isEqualTo(2024);
        assertThat(latest.metadata().fiscalYear()).isEqualTo(2026);
        assertThat(text(older.content()))
                .contains("所得・課税証明書（令和6年度）", "令和6年度（令和5年中の所得）", "山田　太郎")
                .doesNotContain("令和8年度");
        assertThat(text(latest.content())).contains("所得・課税証明書（令和8年度）", "令和8年度（令和7年中の所得）");
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void aCertificateSignedForAnotherYearThanOrderedIsRefusedByTheClient() {
        CenterSession session = kiosk.open(cards.of("R0001"));
        center.faults().enqueue(Fault.of(Fault.Kind.WRONG_FISCAL_YEAR, "/v1/sessions/", 1));

        assertThatThrownBy(() -> kiosk.issue(session, OrderItem.incomeTax(2025)))
                .isInstanceOfSatisfying(CenterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENT_INVALID);
                    assertThat(e.getMessage()).contains("fiscal year differs from the order");
                });
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void yearWithoutTheResidentsDataIsNotOnTheMenuAndIsRefused() {
        CenterSession session = kiosk.open(cards.of("R0029"));
        assertThat(session.menu().item(CertificateType.INCOME_TAX).orElseThrow().fiscalYears())
                .containsExactly(2026, 2025);

        assertThatThrownBy(() -> kiosk.issue(session, OrderItem.incomeTax(2024)))
                .isInstanceOfSatisfying(
                        CenterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TAX_DATA_MISSING));
        assertThatThrownBy(() -> kiosk.issue(session, OrderItem.incomeTax(2020)))
                .isInstanceOfSatisfying(
                        CenterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPTION_NOT_ALLOWED));
        kiosk.client.closeSession(session.sessionId());
    }

    @Test
    void newYearAppearsOnTheSimulatorClocksFirstOfJune() throws Exception {
        clock.set(Instant.parse("2026-05-31T01:00:00Z"));
        CenterSession may = kiosk.open(cards.of("R0019"));
        assertThat(may.menu().item(CertificateType.INCOME_TAX).orElseThrow().fiscalYears())
                .as("若葉町 offers the latest year only")
                .containsExactly(2025);
        assertThatThrownBy(() -> kiosk.issue(may, OrderItem.incomeTax(2026)))
                .isInstanceOfSatisfying(
                        CenterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPTION_NOT_ALLOWED));
        kiosk.client.closeSession(may.sessionId());

        clock.set(Instant.parse("2026-06-01T01:00:00Z"));
        CenterSession june = kiosk.open(cards.of("R0019"));
        assertThat(june.menu().item(CertificateType.INCOME_TAX).orElseThrow().fiscalYears())
                .containsExactly(2026);
        Issuance issuance = kiosk.issue(june, OrderItem.incomeTax(2026));
        assertThat(text(issuance.documents().get(0).content())).contains("令和8年度（令和7年中の所得）");
        kiosk.client.closeSession(june.sessionId());
    }

    @Test
    void otherTypesCarryNoYear() {
        CenterSession session = kiosk.open(cards.of("R0001"));
        Issuance issuance = kiosk.issue(session, OrderItem.self(CertificateType.SEAL_REGISTRATION));
        assertThat(issuance.documents().get(0).metadata().fiscalYear()).isNull();
        assertThat(session.menu()
                        .item(CertificateType.SEAL_REGISTRATION)
                        .orElseThrow()
                        .fiscalYears())
                .isEmpty();
        kiosk.client.closeSession(session.sessionId());
    }
}
