package jp.madoguchi.sim.center.registry;

import static jp.madoguchi.center.protocol.CertificateType.INCOME_TAX;
import static jp.madoguchi.center.protocol.CertificateType.KOSEKI_FUHYO;
import static jp.madoguchi.center.protocol.CertificateType.KOSEKI_FULL;
import static jp.madoguchi.center.protocol.CertificateType.KOSEKI_INDIVIDUAL;
import static jp.madoguchi.center.protocol.CertificateType.RESIDENCE_RECORD;
import static jp.madoguchi.center.protocol.CertificateType.RESIDENCE_RECORD_ITEMS;
import static jp.madoguchi.center.protocol.CertificateType.SEAL_REGISTRATION;

import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.sim.resident.ResidentCatalogue;

/** The default service configuration of the catalogue's five municipalities (seeded into the registry). */
public final class MunicipalityServices {
    private MunicipalityServices() {}

    public static List<MunicipalityService> defaults() {
        EnumSet<CertificateOption> all = EnumSet.allOf(CertificateOption.class);
        EnumSet<CertificateOption> noMyNumber = EnumSet.complementOf(EnumSet.of(CertificateOption.MY_NUMBER));
        return List.of(
                // 東雲市: offers everything, 個人番号 printable, 戸籍 during all kiosk hours, tax: 3 years.
                new MunicipalityService(
                        ResidentCatalogue.SHINONOME,
                        Map.of(
                                RESIDENCE_RECORD, new Offer(200, 10),
                                RESIDENCE_RECORD_ITEMS, new Offer(200, 10),
                                SEAL_REGISTRATION, new Offer(200, 10),
                                INCOME_TAX, new Offer(300, 5),
                                KOSEKI_FULL, new Offer(350, 5),
                                KOSEKI_INDIVIDUAL, new Offer(350, 5),
                                KOSEKI_FUHYO, new Offer(200, 5)),
                        all,
                        ServiceWindow.kioskHours(),
                        List.of(),
                        TaxYears.latestAndPast(2)),
                // 若葉町: no 記載事項証明書, 個人番号 refused, 戸籍 weekdays 9:00-17:00, tax: latest year only.
                new MunicipalityService(
                        ResidentCatalogue.WAKABA,
                        Map.of(
                                RESIDENCE_RECORD, new Offer(150, 5),
                                SEAL_REGISTRATION, new Offer(150, 5),
                                INCOME_TAX, new Offer(200, 3),
                                KOSEKI_FULL, new Offer(450, 3),
                                KOSEKI_INDIVIDUAL, new Offer(450, 3),
                                KOSEKI_FUHYO, new Offer(300, 3)),
                        noMyNumber,
                        new ServiceWindow(ServiceWindow.WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                        List.of(),
                        TaxYears.latestOnly()),
                // 青葉市: 800-yen tax certificate (2 years), a system migration over a weekend in December 2025.
                new MunicipalityService(
                        ResidentCatalogue.AOBA,
                        Map.of(
                                RESIDENCE_RECORD, new Offer(300, 10),
                                RESIDENCE_RECORD_ITEMS, new Offer(300, 10),
                                SEAL_REGISTRATION, new Offer(300, 10),
                                INCOME_TAX, new Offer(800, 5),
                                KOSEKI_FULL, new Offer(450, 5),
                                KOSEKI_INDIVIDUAL, new Offer(450, 5),
                                KOSEKI_FUHYO, new Offer(300, 5)),
                        noMyNumber,
                        new ServiceWindow(ServiceWindow.WEEKDAYS, LocalTime.of(8, 30), LocalTime.of(17, 0)),
                        List.of(new MaintenanceWindow(
                                Instant.parse("2025-12-12T14:00:00Z"), Instant.parse("2025-12-14T21:30:00Z"))),
                        TaxYears.latestAndPast(1)),
                // 桜台村: residence records and seal certificates only, 100-yen campaign.
                new MunicipalityService(
                        ResidentCatalogue.SAKURADAI,
                        Map.of(RESIDENCE_RECORD, new Offer(100, 5), SEAL_REGISTRATION, new Offer(100, 5)),
                        EnumSet.of(CertificateOption.HOUSEHOLD_HEAD_AND_RELATION),
                        ServiceWindow.kioskHours(),
                        List.of()),
                // 北浜市: 本籍 of residents elsewhere; 戸籍 weekdays 8:30-17:00; tax: 5 years.
                new MunicipalityService(
                        ResidentCatalogue.KITAHAMA,
                        Map.of(
                                RESIDENCE_RECORD, new Offer(200, 10),
                                SEAL_REGISTRATION, new Offer(200, 10),
                                INCOME_TAX, new Offer(300, 5),
                                KOSEKI_FULL, new Offer(400, 5),
                                KOSEKI_INDIVIDUAL, new Offer(400, 5),
                                KOSEKI_FUHYO, new Offer(250, 5)),
                        all,
                        new ServiceWindow(ServiceWindow.WEEKDAYS, LocalTime.of(8, 30), LocalTime.of(17, 0)),
                        List.of(),
                        TaxYears.latestAndPast(4)));
    }
}
