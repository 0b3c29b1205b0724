package jp.madoguchi.sim.center.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.sim.center.documents.CertificateLayout.Row;
import jp.madoguchi.sim.center.documents.CertificateLayout.Section;
import jp.madoguchi.sim.center.registry.TaxYears;
import jp.madoguchi.sim.resident.Municipality;
import jp.madoguchi.sim.resident.Resident;

/**
 * The content of each certificate type from registry data: which rows a 住民票の写し shows for
 * the chosen options (never 住民票コード, removed persons or history), what a 戸籍 or 附票 or
 * tax certificate says, and the certification sentence of each.
 */
public final class CertificateLayouts {
    private CertificateLayouts() {}

    /**
     * The layout of {@code type} for {@code persons} (the cardholder first for SELF), printed by
     * {@code issuer} on {@code day}. {@code household} is the cardholder's whole household (for
     * 世帯主 and the 戸籍 members).
     */
    public static CertificateLayout of(
            CertificateType type,
            Resident cardholder,
            List<Resident> persons,
            List<Resident> household,
            Set<CertificateOption> options,
            Municipality issuer,
            LocalDate day) {
        return of(type, cardholder, persons, household, options, issuer, day, null);
    }

    /**
     * As {@link #of(CertificateType, Resident, List, List, Set, Municipality, LocalDate)}, with the
     * fiscal year (年度) of a tax certificate; null means the latest year published on {@code day}.
     */
    public static CertificateLayout of(
            CertificateType type,
            Resident cardholder,
            List<Resident> persons,
            List<Resident> household,
            Set<CertificateOption> options,
            Municipality issuer,
            LocalDate day,
            Integer fiscalYear) {
        String date = JapaneseDates.format(day);
        String issuerLine = issuer.name() + "長　" + issuer.mayor();
        String seal = issuer.name() + "長之印";
        return switch (type) {
            case RESIDENCE_RECORD, RESIDENCE_RECORD_ITEMS -> residenceRecord(
                    type, cardholder, persons, household, options, date, issuerLine, seal);
            case SEAL_REGISTRATION -> new CertificateLayout(
                    type.japaneseTitle(),
                    List.of(new Section(
                            null,
                            List.of(
                                    new Row(
                                            "登録番号",
                                            "第" + cardholder.residentId().substring(1) + "号"),
                                    new Row("氏名", cardholder.name()),
                                    new Row("生年月日", JapaneseDates.format(cardholder.birthDate())),
                                    new Row("住所", cardholder.address()),
                                    new Row("印影", "右記のとおり")))),
                    "この写しは、登録されている印影と相違ないことを証明する。",
                    date,
                    issuerLine,
                    seal,
                    surname(cardholder.name()));
            case INCOME_TAX -> incomeTax(
                    cardholder,
                    date,
                    issuerLine,
                    seal,
                    fiscalYear != null ? fiscalYear : TaxYears.latestOnly().latest(day));
            case KOSEKI_FULL, KOSEKI_INDIVIDUAL -> koseki(type, cardholder, household, date, issuerLine, seal);
            case KOSEKI_FUHYO -> fuhyo(cardholder, household, date, issuerLine, seal);
        };
    }

    private static CertificateLayout residenceRecord(
            CertificateType type,
            Resident cardholder,
            List<Resident> persons,
            List<Resident> household,
            Set<CertificateOption> options,
            String date,
            String issuerLine,
            String seal) {
        List<Section> sections = new ArrayList<>();
        List<Row> head = new ArrayList<>();
        head.add(new Row("住所", cardholder.address()));
        if (options.contains(CertificateOption.HOUSEHOLD_HEAD_AND_RELATION)) {
            head.add(new Row(
                    "世帯主",
                    household.stream()
                            .filter(r -> r.relationToHead().equals("世帯主"))
                            .map(Resident::name)
                            .findFirst()
                            .orElse(cardholder.name())));
        }
        sections.add(new Section(null, head));
        int n = 1;
        for (Resident p : persons) {
            List<Row> rows = new ArrayList<>();
            rows.add(new Row("氏名", p.name()));
            rows.add(new Row("フリガナ", p.nameKana()));
            rows.add(new Row("生年月日", JapaneseDates.format(p.birthDate())));
            rows.add(new Row("性別", p.sexLabel()));
            if (options.contains(CertificateOption.HOUSEHOLD_HEAD_AND_RELATION)) {
                rows.add(new Row("続柄", p.relationToHead()));
            }
            rows.add(new Row("住民となった年月日", JapaneseDates.format(p.residentSince())));
            if (!p.isForeign() && options.contains(CertificateOption.HONSEKI_AND_HEAD) && p.honseki() != null) {
                rows.add(new Row("本籍", p.honseki()));
                rows.add(new Row("筆頭者", p.kosekiHead()));
            }
            p.foreign().ifPresent(f -> {
                if (options.contains(CertificateOption.NATIONALITY)) {
                    rows.add(new Row("国籍・地域", f.nationality()));
                }
                if (options.contains(CertificateOption.RESIDENCE_CARD_NUMBER)) {
                    rows.add(new Row("在留カード等の番号", f.residenceCardNumber()));
                }
                if (options.contains(CertificateOption.RESIDENCE_STATUS)) {
                    rows.add(new Row("在留資格", f.residenceStatus()));
                    rows.add(new Row(
                            "在留期間等の満了の日", f.periodEnd() == null ? "（無期限）" : JapaneseDates.format(f.periodEnd())));
                }
            });
            if (options.contains(CertificateOption.MY_NUMBER)) {
                rows.add(new Row("個人番号", p.myNumber()));
            }
            sections.add(new Section("（" + n++ + "）", rows));
        }
        String sentence =
                type == CertificateType.RESIDENCE_RECORD ? "この写しは、住民票の原本と相違ないことを証明する。" : "上記のとおり住民票に記載されていることを証明する。";
        return new CertificateLayout(type.japaneseTitle(), sections, sentence, date, issuerLine, seal, null);
    }

    /**
     * The tax certificate of fiscal year {@code year} (年度), which shows the income of the
     * calendar year before it (令和N年度 ← 令和N-1年中の所得).
     */
    private static CertificateLayout incomeTax(Resident r, String date, String issuerLine, String seal, int year) {
        long income = incomeOf(r, year - 1);
        long deduction = Math.min(1_950_000, Math.max(550_000, income * 3 / 10));
        long taxable = Math.max(0, income - deduction - 430_000);
        long municipal = taxable * 6 / 100 + 3_500;
        long prefectural = taxable * 4 / 100 + 1_500;
        List<Row> rows = List.of(
                new Row("年度", JapaneseDates.fiscalYear(year) + "（" + JapaneseDates.year(year - 1) + "中の所得）"),
                new Row("住所", r.address()),
                new Row("氏名", r.name()),
                new Row("生年月日", JapaneseDates.format(r.birthDate())),
                new Row("給与収入", yen(income)),
                new Row("所得金額", yen(Math.max(0, income - deduction))),
                new Row("課税標準額", yen(taxable)),
                new Row("市町村民税", yen(municipal)),
                new Row("道府県民税", yen(prefectural)),
                new Row("年税額", yen(municipal + prefectural)));
        return new CertificateLayout(
                "所得・課税証明書（" + JapaneseDates.fiscalYear(year) + "）",
                List.of(new Section(null, rows)),
                "上記のとおり相違ないことを証明する。",
                date,
                issuerLine,
                seal,
                null);
    }

    private static CertificateLayout koseki(
            CertificateType type, Resident r, List<Resident> household, String date, String issuerLine, String seal) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(null, List.of(new Row("本籍", r.honseki()), new Row("氏名", r.kosekiHead()))));
        List<Resident> members = type == CertificateType.KOSEKI_FULL
                ? household.stream()
                        .filter(m -> r.honseki() != null && r.honseki().equals(m.honseki()))
                        .toList()
                : List.of(r);
        for (Resident m : members) {
            sections.add(new Section(
                    "戸籍に記録されている者",
                    List.of(
                            new Row("【名】", given(m.name())),
                            new Row("【生年月日】", JapaneseDates.format(m.birthDate())),
                            new Row("【続柄】", m.relationToHead().equals("世帯主") ? "筆頭者" : m.relationToHead()),
                            new Row("身分事項　出生", "【出生日】" + JapaneseDates.format(m.birthDate())))));
        }
        String sentence = type == CertificateType.KOSEKI_FULL
                ? "これは、戸籍に記録されている事項の全部を証明した書面である。"
                : "これは、戸籍中の一部の者について記録されている事項の全部を証明した書面である。";
        return new CertificateLayout(type.japaneseTitle(), sections, sentence, date, issuerLine, seal, null);
    }

    private static CertificateLayout fuhyo(
            Resident r, List<Resident> household, String date, String issuerLine, String seal) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(null, List.of(new Row("本籍", r.honseki()), new Row("筆頭者", r.kosekiHead()))));
        sections.add(new Section(
                "附票に記録されている者",
                List.of(
                        new Row("氏名", r.name()),
                        new Row("住所", r.address()),
                        new Row("住所を定めた年月日", JapaneseDates.format(r.residentSince())))));
        return new CertificateLayout(
                CertificateType.KOSEKI_FUHYO.japaneseTitle(),
                sections,
                "この写しは、戸籍の附票の原本と相違ないことを証明する。",
                date,
                issuerLine,
                seal,
                null);
    }

    /** A synthetic income of {@code calendarYear}: the resident's income, varied by year so that years differ. */
    private static long incomeOf(Resident r, int calendarYear) {
        long base = r.annualIncomeYen();
        return base == 0 ? 0 : Math.max(0, base + (Math.floorMod(calendarYear, 5) - 2) * 60_000L);
    }

    private static String yen(long amount) {
        return String.format("%,d円", amount);
    }

    private static String surname(String name) {
        int space = name.indexOf('　');
        return space < 0 ? name : name.substring(0, space);
    }

    private static String given(String name) {
        int space = name.indexOf('　');
        return space < 0 ? name : name.substring(space + 1);
    }
}
