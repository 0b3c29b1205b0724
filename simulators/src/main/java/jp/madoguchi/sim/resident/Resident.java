package jp.madoguchi.sim.resident;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.Set;

/**
 * One synthetic resident as a municipality's registry knows them. {@code sex} is the JIS X 0303
 * code ("1" male, "2" female, "9" not applicable). {@code myNumber} is 12 digits with a valid
 * check digit, synthetic. {@code honsekiMunicipalityCode} is null for foreign residents.
 */
public record Resident(
        String residentId,
        String householdId,
        String name,
        String nameKana,
        LocalDate birthDate,
        String sex,
        String myNumber,
        String municipalityCode,
        String postalCode,
        String address,
        String relationToHead,
        LocalDate residentSince,
        String honseki,
        String honsekiMunicipalityCode,
        String kosekiHead,
        boolean kosekiUsageRegistered,
        boolean sealRegistered,
        boolean taxDataAvailable,
        long annualIncomeYen,
        ForeignResidence foreignResidence,
        Set<ResidentFlag> flags) {
    public Resident {
        flags = Set.copyOf(flags);
    }

    /** Age in whole years on {@code day}. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public boolean isForeign() {
        return foreignResidence != null;
    }

    public Optional<ForeignResidence> foreign() {
        return Optional.ofNullable(foreignResidence);
    }

    public boolean has(ResidentFlag flag) {
        return flags.contains(flag);
    }

    /**
     * True when this municipality holds the resident's tax data of fiscal year {@code fiscalYear}
     * (年度): the resident has tax data at all and lived here on 1 January of that year, the day
     * that decides which municipality assesses the year (someone who moved in later has that
     * year's data at the former municipality).
     */
    public boolean taxDataFor(int fiscalYear) {
        return taxDataAvailable && !residentSince.isAfter(LocalDate.of(fiscalYear, 1, 1));
    }

    /** True when the 本籍 is in another municipality than the address. */
    public boolean honsekiElsewhere() {
        return honsekiMunicipalityCode != null && !honsekiMunicipalityCode.equals(municipalityCode);
    }

    /** Sex as printed on certificates. */
    public String sexLabel() {
        return switch (sex) {
            case "1" -> "男";
            case "2" -> "女";
            default -> "";
        };
    }

    @Override
    public String toString() {
        // Never the name, address or number: residents end up in logs through toString.
        return "Resident[" + residentId + "]";
    }
}
