package jp.madoguchi.sim.center.registry;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.sim.resident.Municipality;

/**
 * How one municipality serves kiosks: the types it offers (fee, copy limit), the options it
 * allows on residence records (個人番号 in some, not in others), the hours of 戸籍 certificates,
 * its maintenance windows and the fiscal years of the tax certificate it offers (the latest only
 * when not configured). Configuration, not code: stored in the registry.
 */
public record MunicipalityService(
        Municipality municipality,
        Map<CertificateType, Offer> offers,
        Set<CertificateOption> allowedOptions,
        ServiceWindow kosekiHours,
        List<MaintenanceWindow> maintenance,
        TaxYears taxYears) {
    public MunicipalityService {
        offers = Map.copyOf(offers);
        allowedOptions = allowedOptions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedOptions));
        maintenance = List.copyOf(maintenance);
        // A registry written before tax years were configurable has none: the latest year only.
        taxYears = taxYears == null ? TaxYears.latestOnly() : taxYears;
    }

    /** A municipality offering the latest tax year only. */
    public MunicipalityService(
            Municipality municipality,
            Map<CertificateType, Offer> offers,
            Set<CertificateOption> allowedOptions,
            ServiceWindow kosekiHours,
            List<MaintenanceWindow> maintenance) {
        this(municipality, offers, allowedOptions, kosekiHours, maintenance, TaxYears.latestOnly());
    }

    public String code() {
        return municipality.code();
    }

    public Optional<Offer> offer(CertificateType type) {
        return Optional.ofNullable(offers.get(type));
    }

    public boolean inMaintenance(Instant at) {
        return maintenance.stream().anyMatch(w -> w.covers(at));
    }
}
