package jp.madoguchi.center.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiscalYearProtocolTest {
    private final ObjectMapper json = Protocol.newObjectMapper();

    @Test
    void taxOrderCarriesTheChosenFiscalYearThroughJson() throws Exception {
        IssuanceRequest request = new IssuanceRequest("k-1", List.of(OrderItem.incomeTax(2024)));

        String wire = json.writeValueAsString(request);
        IssuanceRequest back = json.readValue(wire, IssuanceRequest.class);

        assertThat(wire).contains("\"fiscalYear\":2024");
        assertThat(back).isEqualTo(request);
        assertThat(back.items().get(0).fiscalYear()).isEqualTo(2024);
    }

    @Test
    void otherTypesKeepTheirWireFormWithoutAFiscalYear() throws Exception {
        OrderItem item = new OrderItem(
                CertificateType.RESIDENCE_RECORD,
                IssuanceScope.HOUSEHOLD,
                List.of(),
                List.of(CertificateOption.HOUSEHOLD_HEAD_AND_RELATION),
                2);

        String wire = json.writeValueAsString(item);

        assertThat(wire).doesNotContain("fiscalYear");
        assertThat(json.readValue(wire, OrderItem.class)).isEqualTo(item);
        assertThat(OrderItem.self(CertificateType.SEAL_REGISTRATION).fiscalYear())
                .isNull();
    }

    @Test
    void taxOrderWithoutAYearIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> OrderItem.self(CertificateType.INCOME_TAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fiscalYear");
        assertThatThrownBy(() ->
                        json.readValue("{\"type\":\"INCOME_TAX\",\"scope\":\"SELF\",\"copies\":1}", OrderItem.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("missing field: fiscalYear");
    }

    @Test
    void fiscalYearOnAnotherTypeIsRefused() {
        assertThatThrownBy(() -> new OrderItem(
                        CertificateType.RESIDENCE_RECORD, IssuanceScope.SELF, List.of(), List.of(), 1, 2025))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fiscalYear is only for INCOME_TAX");
        assertThatThrownBy(() ->
                        json.readValue("{\"type\":\"KOSEKI_FULL\",\"copies\":1,\"fiscalYear\":2025}", OrderItem.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("only for INCOME_TAX");
    }

    @Test
    void implausibleYearIsRefused() {
        assertThatThrownBy(() -> OrderItem.incomeTax(25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a year between 1989");
    }

    @Test
    void menuListsTheTaxYearsLatestFirstAndOffersOnlyThose() throws Exception {
        MenuItem tax = new MenuItem(
                CertificateType.INCOME_TAX,
                "992011",
                List.of(IssuanceScope.SELF),
                List.of(),
                300,
                5,
                List.of(),
                List.of(2026, 2025, 2024));
        Menu menu = new Menu(List.of(tax), List.of());

        Menu back = json.readValue(json.writeValueAsString(menu), Menu.class);

        assertThat(back).isEqualTo(menu);
        assertThat(back.item(CertificateType.INCOME_TAX).orElseThrow().fiscalYears())
                .containsExactly(2026, 2025, 2024);
        assertThat(tax.offersFiscalYear(2025)).isTrue();
        assertThat(tax.offersFiscalYear(2023)).isFalse();
        assertThat(tax.offersFiscalYear(null)).isFalse();
    }

    @Test
    void menuItemsOtherThanTaxHaveNoYearsAndOldConstructorStillWorks() throws Exception {
        MenuItem residence = new MenuItem(
                CertificateType.RESIDENCE_RECORD, "992011", List.of(IssuanceScope.SELF), List.of(), 200, 10, List.of());

        assertThat(residence.fiscalYears()).isEmpty();
        assertThat(residence.offersFiscalYear(null)).isTrue();
        assertThat(residence.offersFiscalYear(2025)).isFalse();
        assertThat(json.readValue(json.writeValueAsString(residence), MenuItem.class))
                .isEqualTo(residence);
    }

    @Test
    void malformedYearListsAreRefused() {
        assertThatThrownBy(() -> taxMenu(List.of()))
                .hasMessageContaining("missing field: fiscalYears")
                .hasMessageContaining("TAX_DATA_MISSING");
        assertThatThrownBy(() -> taxMenu(List.of(2024, 2025))).hasMessageContaining("latest first");
        assertThatThrownBy(() -> taxMenu(List.of(2025, 2025))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new MenuItem(
                        CertificateType.SEAL_REGISTRATION,
                        "992011",
                        List.of(IssuanceScope.SELF),
                        List.of(),
                        200,
                        10,
                        List.of(),
                        List.of(2025)))
                .hasMessageContaining("only for INCOME_TAX");
    }

    @Test
    void signedMetadataBindsTheFiscalYearOfATaxDocument() throws Exception {
        DocumentMetadata tax = metadata(CertificateType.INCOME_TAX, 2025);
        DocumentMetadata residence = metadata(CertificateType.RESIDENCE_RECORD, null);

        String taxWire = json.writeValueAsString(tax);

        assertThat(taxWire).contains("\"fiscalYear\":2025");
        assertThat(json.readValue(taxWire, DocumentMetadata.class).fiscalYear()).isEqualTo(2025);
        assertThat(json.writeValueAsString(residence)).doesNotContain("fiscalYear");
        assertThatThrownBy(() -> metadata(CertificateType.INCOME_TAX, null)).hasMessageContaining("fiscalYear");
    }

    private static MenuItem taxMenu(List<Integer> years) {
        return new MenuItem(
                CertificateType.INCOME_TAX, "992011", List.of(IssuanceScope.SELF), List.of(), 300, 5, List.of(), years);
    }

    private static DocumentMetadata metadata(CertificateType type, Integer year) {
        return new DocumentMetadata(
                Protocol.METADATA_VERSION,
                "d-1",
                "99201-00000001",
                "i-1",
                "s-1",
                "kiosk-1",
                "ab",
                "992011",
                type,
                IssuanceScope.SELF,
                List.of(),
                0,
                1,
                1,
                300,
                Instant.parse("2026-07-01T01:00:00Z"),
                Protocol.PDF,
                10,
                "cd",
                year);
    }
}
