package jp.madoguchi.sim.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentCatalogueTest {
    @Test
    void equalSeedsGiveEqualCataloguesAndOtherSeedsDiffer() {
        assertThat(new ResidentCatalogue(7, 50).all()).isEqualTo(new ResidentCatalogue(7, 50).all());
        assertThat(new ResidentCatalogue(7, 50).all()).isNotEqualTo(new ResidentCatalogue(8, 50).all());
    }

    @Test
    void defaultResidentIsTheHappyPath() {
        Resident r = new ResidentCatalogue().find("R0001").orElseThrow();
        assertThat(r.flags()).isEmpty();
        assertThat(r.ageOn(LocalDate.of(2025, 10, 15))).isGreaterThanOrEqualTo(18);
        assertThat(r.sealRegistered()).isTrue();
        assertThat(r.taxDataAvailable()).isTrue();
        assertThat(r.honsekiElsewhere()).isFalse();
        assertThat(r.municipalityCode()).isEqualTo(ResidentCatalogue.SHINONOME.code());
        assertThat(r.sex()).isEqualTo("1");
    }

    @Test
    void everyResidentHasAValidMyNumberAndMunicipalityCode() {
        ResidentCatalogue catalogue = new ResidentCatalogue();
        assertThat(catalogue.all()).hasSizeGreaterThan(400);
        assertThat(catalogue.all()).allSatisfy(r -> {
            assertThat(MyNumbers.isValid(r.myNumber())).as(r.residentId()).isTrue();
            assertThat(LocalGovernmentCode.isValid(r.municipalityCode())).isTrue();
            assertThat(r.sex()).isIn("1", "2", "9");
        });
        assertThat(catalogue.all().stream().map(Resident::myNumber).distinct())
                .hasSize(catalogue.all().size());
    }

    @Test
    void checkDigitsFollowThePublishedRules() {
        assertThat(LocalGovernmentCode.isValid("131016")).as("千代田区").isTrue();
        assertThat(LocalGovernmentCode.isValid("131017")).isFalse();
        assertThat(MyNumbers.isValid("123456789018")).isTrue();
        assertThat(MyNumbers.isValid("123456789012")).isFalse();
    }

    @Test
    void edgeCasesCarryTheirFlagsAndRareCharacters() {
        ResidentCatalogue c = new ResidentCatalogue();
        assertThat(c.find("R0015").orElseThrow().name()).startsWith("𠮷");
        assertThat(c.find("R0016").orElseThrow().name()).startsWith("髙");
        assertThat(c.find("R0007").orElseThrow().has(ResidentFlag.DV_SUPPORT)).isTrue();
        assertThat(c.find("R0017").orElseThrow().isForeign()).isTrue();
        assertThat(c.household("H0022")).hasSize(7);
    }
}
