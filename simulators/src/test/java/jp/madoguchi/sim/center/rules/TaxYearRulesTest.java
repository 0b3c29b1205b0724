package jp.madoguchi.sim.center.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.Menu;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.center.protocol.Protocol;
import jp.madoguchi.sim.center.registry.MunicipalityService;
import jp.madoguchi.sim.center.registry.MunicipalityServices;
import jp.madoguchi.sim.center.registry.Registry;
import jp.madoguchi.sim.center.registry.TaxYears;
import jp.madoguchi.sim.resident.Resident;
import jp.madoguchi.sim.resident.ResidentCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxYearRulesTest {
    /** Wednesday 1 July 2026, 10:00 in Japan: 2026年度 is published. */
    static final Instant JULY_2026 = Instant.parse("2026-07-01T01:00:00Z");
    /** Sunday 31 May 2026, 10:00 in Japan: the last day before 2026年度 data appears. */
    static final Instant LAST_DAY_OF_MAY_2026 = Instant.parse("2026-05-31T01:00:00Z");
    /** Monday 1 June 2026, 6:30 in Japan: the kiosk service opens on the day 2026年度 appears. */
    static final Instant FIRST_OF_JUNE_2026 = Instant.parse("2026-05-31T21:30:00Z");

    @TempDir
    static Path dir;

    static Registry registry;
    static IssuanceRules rules;

    @BeforeAll
    static void open() {
        registry = Registry.open(
                dir.resolve("registry.db"),
                () -> new ResidentCatalogue(ResidentCatalogue.DEFAULT_SEED, 0),
                MunicipalityServices.defaults());
        rules = new IssuanceRules(registry, text -> true);
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    static Menu menu(String residentId, Instant now) {
        return rules.decide(resident(residentId), now, false).menu();
    }

    static Resident resident(String residentId) {
        return registry.resident(residentId).orElseThrow();
    }

    static List<Integer> taxYears(String residentId, Instant now) {
        return menu(residentId, now)
                .item(CertificateType.INCOME_TAX)
                .orElseThrow()
                .fiscalYears();
    }

    @Test
    void longTimeResidentIsOfferedEveryYearTheMunicipalityOffersLatestFirst() {
        assertThat(taxYears("R0001", JULY_2026)).containsExactly(2026, 2025, 2024);
    }

    @Test
    void newYearAppearsOnTheFirstOfJuneNotBefore() {
        assertThat(taxYears("R0001", LAST_DAY_OF_MAY_2026)).containsExactly(2025, 2024, 2023);
        assertThat(taxYears("R0001", FIRST_OF_JUNE_2026)).containsExactly(2026, 2025, 2024);
    }

    @Test
    void residentWhoMovedInIsOfferedOnlyYearsOfWhichTheyLivedHereOnFirstJanuary() {
        // R0029 moved in on 2024-08-01: 2024年度 was assessed by the former municipality.
        assertThat(taxYears("R0029", JULY_2026)).containsExactly(2026, 2025);
        assertThat(taxYears("R0029", Instant.parse("2025-06-02T01:00:00Z"))).containsExactly(2025);
    }

    @Test
    void residentWithoutDataForAnyOfferedYearGetsTheWholeTypeUnavailable() {
        Instant may2025 = Instant.parse("2025-05-15T01:00:00Z");
        assertThat(menu("R0029", may2025).item(CertificateType.INCOME_TAX)).isEmpty();
        assertThat(menu("R0029", may2025).reasonUnavailable(CertificateType.INCOME_TAX))
                .contains(ErrorCode.TAX_DATA_MISSING);
        assertThat(menu("R0011", JULY_2026).reasonUnavailable(CertificateType.INCOME_TAX))
                .as("no tax data at all")
                .contains(ErrorCode.TAX_DATA_MISSING);
        assertThat(menu("R0003", JULY_2026).reasonUnavailable(CertificateType.INCOME_TAX))
                .as("a child without income data")
                .contains(ErrorCode.TAX_DATA_MISSING);
    }

    @Test
    void eachMunicipalityOffersItsOwnNumberOfYears() {
        assertThat(taxYears("R0019", JULY_2026)).as("若葉町: latest only").containsExactly(2026);
        assertThat(taxYears("R0020", JULY_2026)).as("青葉市: two years").containsExactly(2026, 2025);
        assertThat(menu("R0021", JULY_2026).reasonUnavailable(CertificateType.INCOME_TAX))
                .as("桜台村 offers no tax certificate")
                .contains(ErrorCode.NOT_OFFERED);
        assertThat(menu("R0001", JULY_2026)
                        .item(CertificateType.RESIDENCE_RECORD)
                        .orElseThrow()
                        .fiscalYears())
                .isEmpty();
    }

    @Test
    void orderForAnOfferedYearWithDataPasses() {
        rules.checkOrder(menu("R0029", JULY_2026), List.of(OrderItem.incomeTax(2025)), JULY_2026);
        rules.checkOrder(menu("R0001", JULY_2026), List.of(OrderItem.incomeTax(2024)), JULY_2026);
    }

    @Test
    void orderForAnOfferedYearWithoutTheResidentsDataIsRefusedAsTaxDataMissing() {
        assertThatThrownBy(
                        () -> rules.checkOrder(menu("R0029", JULY_2026), List.of(OrderItem.incomeTax(2024)), JULY_2026))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.TAX_DATA_MISSING))
                .hasMessageContaining("2024");
    }

    @Test
    void orderForAYearNotOfferedIsRefusedAsNotAllowed() {
        Menu menu = menu("R0001", JULY_2026);
        for (int year : new int[] {2023, 2027}) {
            assertThatThrownBy(() -> rules.checkOrder(menu, List.of(OrderItem.incomeTax(year)), JULY_2026))
                    .as("%d", year)
                    .isInstanceOfSatisfying(
                            Refusal.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.OPTION_NOT_ALLOWED))
                    .hasMessageContaining("not offered");
        }
        assertThatThrownBy(() -> rules.checkOrder(
                        menu("R0001", LAST_DAY_OF_MAY_2026), List.of(OrderItem.incomeTax(2026)), LAST_DAY_OF_MAY_2026))
                .as("2026年度 before its data appears")
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.OPTION_NOT_ALLOWED));
    }

    @Test
    void yearsAreConfigurationThatSurvivesTheRegistryAndOldRecordsMeanLatestOnly() throws Exception {
        ObjectMapper json = Protocol.newObjectMapper();
        MunicipalityService shinonome =
                registry.municipality(ResidentCatalogue.SHINONOME.code()).orElseThrow();
        assertThat(shinonome.taxYears()).isEqualTo(new TaxYears(3, MonthDay.of(6, 1)));

        com.fasterxml.jackson.databind.node.ObjectNode old = json.valueToTree(shinonome);
        old.remove("taxYears");
        MunicipalityService fromOldRecord = json.treeToValue(old, MunicipalityService.class);

        assertThat(fromOldRecord.taxYears()).isEqualTo(TaxYears.latestOnly());
        assertThat(json.readValue(json.writeValueAsString(shinonome), MunicipalityService.class))
                .isEqualTo(shinonome);
    }

    @Test
    void switchDayIsPerMunicipality() {
        TaxYears midJune = new TaxYears(2, MonthDay.of(6, 15));
        assertThat(midJune.offered(LocalDate.of(2026, 6, 14))).containsExactly(2025, 2024);
        assertThat(midJune.offered(LocalDate.of(2026, 6, 15))).containsExactly(2026, 2025);
        assertThat(midJune.offered(LocalDate.of(2027, 1, 10))).containsExactly(2026, 2025);
    }
}
