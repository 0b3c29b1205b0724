package jp.madoguchi.sim.resident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The synthetic residents of the simulators: a fixed set of edge-case residents (R0001–R0099,
 * documented in {@code docs/center-simulator.md}) and ordinary residents in households
 * (R0100 upwards) generated from a seed. Equal seeds give equal catalogues; nothing is static.
 *
 * <p>R0001 (card PIN 1234 in the card simulator) is the happy path: an adult Japanese national in
 * 東雲市 (offers everything), seal registered, tax data, 本籍 in the same municipality.
 */
public final class ResidentCatalogue {
    /** The seed of the catalogue that the simulators use unless told otherwise. */
    public static final long DEFAULT_SEED = 20250401L;
    /** How many ordinary residents the default catalogue generates. */
    public static final int DEFAULT_ORDINARY = 400;

    public static final Municipality SHINONOME = municipality("99201", "東雲市", "しののめし", "小川　誠一", "991-");
    public static final Municipality WAKABA = municipality("99341", "若葉町", "わかばちょう", "石田　和子", "993-");
    public static final Municipality AOBA = municipality("99202", "青葉市", "あおばし", "中村　浩二", "992-");
    public static final Municipality SAKURADAI = municipality("99561", "桜台村", "さくらだいむら", "森　正樹", "995-");
    public static final Municipality KITAHAMA = municipality("99203", "北浜市", "きたはまし", "藤井　聡", "994-");

    private static final String PREFECTURE = "青嶺県";

    private final List<Municipality> municipalities = List.of(SHINONOME, WAKABA, AOBA, SAKURADAI, KITAHAMA);
    private final Map<String, Resident> byId = new LinkedHashMap<>();
    private final long seed;

    /** The default catalogue ({@link #DEFAULT_SEED}, {@link #DEFAULT_ORDINARY} ordinary residents). */
    public ResidentCatalogue() {
        this(DEFAULT_SEED, DEFAULT_ORDINARY);
    }

    /** A catalogue with {@code ordinaryResidents} generated residents from {@code seed}. */
    public ResidentCatalogue(long seed, int ordinaryResidents) {
        this.seed = seed;
        addEdgeCases(new Random(seed));
        addOrdinary(new Random(seed * 31 + 7), ordinaryResidents);
    }

    public long seed() {
        return seed;
    }

    public Optional<Resident> find(String residentId) {
        return Optional.ofNullable(byId.get(residentId));
    }

    /** Every resident, edge cases first, in id order. */
    public List<Resident> all() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    /** The members of a household, head first. */
    public List<Resident> household(String householdId) {
        return byId.values().stream()
                .filter(r -> r.householdId().equals(householdId))
                .toList();
    }

    public List<Municipality> municipalities() {
        return municipalities;
    }

    public Optional<Municipality> municipality(String code) {
        return municipalities.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /**
     * Ordinary adult residents of 東雲市 with nothing special (no flag, seal, tax data, 本籍 at
     * home): the residents for load tests and benchmarks.
     */
    public List<Resident> ordinaryAdults(LocalDate day) {
        Predicate<Resident> plain = r -> r.flags().isEmpty()
                && !r.isForeign()
                && r.sealRegistered()
                && r.taxDataAvailable()
                && !r.honsekiElsewhere()
                && r.ageOn(day) >= 18
                && r.municipalityCode().equals(SHINONOME.code())
                && Integer.parseInt(r.residentId().substring(1)) >= 100;
        return byId.values().stream().filter(plain).toList();
    }

    // ---------------------------------------------------------------------------------------------

    private void addEdgeCases(Random random) {
        String home = SHINONOME.code();
        String homeHonseki = PREFECTURE + "東雲市本町一丁目1番地";
        // Household H0001: the happy path family.
        String a1 = address(SHINONOME, "桜町二丁目3番5号");
        add(person("R0001", "H0001", "山田　太郎", "ヤマダ　タロウ", "1985-04-12", "1", home, a1, "世帯主")
                .honseki(homeHonseki, home, "山田　太郎")
                .since("2012-05-01"));
        add(person("R0002", "H0001", "山田　花子", "ヤマダ　ハナコ", "1987-09-30", "2", home, a1, "妻")
                .honseki(homeHonseki, home, "山田　太郎")
                .since("2012-05-01"));
        add(person("R0003", "H0001", "山田　蓮", "ヤマダ　レン", "2015-06-01", "1", home, a1, "子")
                .honseki(homeHonseki, home, "山田　太郎")
                .noSeal()
                .noTax()
                .since("2015-06-01"));

        String a4 = address(SHINONOME, "緑ヶ丘一丁目8番2号");
        add(person("R0004", "H0004", "佐藤　健一", "サトウ　ケンイチ", "1970-02-14", "1", home, a4, "世帯主")
                .honseki(PREFECTURE + "東雲市緑ヶ丘一丁目8番地", home, "佐藤　健一")
                .flag(ResidentFlag.MOVED_OUT));
        String a5 = address(SHINONOME, "港町三丁目12番1号");
        add(person("R0005", "H0005", "鈴木　一郎", "スズキ　イチロウ", "1978-11-03", "1", home, a5, "世帯主")
                .honseki(PREFECTURE + "東雲市港町三丁目12番地", home, "鈴木　一郎")
                .flag(ResidentFlag.MOVE_OUT_FILED));
        add(person("R0006", "H0005", "鈴木　美咲", "スズキ　ミサキ", "1980-01-22", "2", home, a5, "妻")
                .honseki(PREFECTURE + "東雲市港町三丁目12番地", home, "鈴木　一郎"));
        add(person(
                        "R0007",
                        "H0007",
                        "田中　由美",
                        "タナカ　ユミ",
                        "1990-07-07",
                        "2",
                        home,
                        address(SHINONOME, "本町四丁目2番10号"),
                        "世帯主")
                .honseki(PREFECTURE + "東雲市本町四丁目2番地", home, "田中　由美")
                .flag(ResidentFlag.DV_SUPPORT));
        add(person(
                        "R0008",
                        "H0008",
                        "高橋　茂",
                        "タカハシ　シゲル",
                        "1941-03-18",
                        "1",
                        home,
                        address(SHINONOME, "東町一丁目5番3号"),
                        "世帯主")
                .honseki(PREFECTURE + "東雲市東町一丁目5番地", home, "高橋　茂")
                .flag(ResidentFlag.DECEASED));
        add(person(
                        "R0009",
                        "H0009",
                        "伊藤　翔太",
                        "イトウ　ショウタ",
                        "1995-12-01",
                        "1",
                        home,
                        address(SHINONOME, "西町二丁目7番1号"),
                        "世帯主")
                .honseki(PREFECTURE + "東雲市西町二丁目7番地", home, "伊藤　翔太")
                .noTax()
                .flag(ResidentFlag.MOVED_IN_TODAY));
        add(person(
                        "R0010",
                        "H0010",
                        "渡辺　直子",
                        "ワタナベ　ナオコ",
                        "1982-05-25",
                        "2",
                        home,
                        address(SHINONOME, "桜町五丁目1番9号"),
                        "世帯主")
                .honseki(PREFECTURE + "東雲市桜町五丁目1番地", home, "渡辺　直子")
                .noSeal());
        add(person(
                        "R0011",
                        "H0011",
                        "小林　大輔",
                        "コバヤシ　ダイスケ",
                        "1993-08-16",
                        "1",
                        home,
                        address(SHINONOME, "北町一丁目10番4号"),
                        "世帯主")
                .honseki(PREFECTURE + "東雲市北町一丁目10番地", home, "小林　大輔")
                .noTax()
                .since("2025-02-15"));
        add(person("R0012", "H0012", "加藤　恵", "カトウ　メグミ", "1988-10-10", "2", home, address(SHINONOME, "南町三丁目4番6号"), "世帯主")
                .honseki(PREFECTURE + "北浜市浜通一丁目3番地", KITAHAMA.code(), "加藤　正")
                .kosekiRegistered(true));
        add(person(
                        "R0013",
                        "H0013",
                        "吉村　拓也",
                        "ヨシムラ　タクヤ",
                        "1986-04-04",
                        "1",
                        home,
                        address(SHINONOME, "南町五丁目9番2号"),
                        "世帯主")
                .honseki(PREFECTURE + "北浜市浜通二丁目8番地", KITAHAMA.code(), "吉村　誠")
                .kosekiRegistered(false));
        add(person(
                        "R0014",
                        "H0014",
                        "アレクサンドラ　エリザベス　マルガリータ　フォン　ホーエンツォレルン　シュミット",
                        "アレクサンドラ　エリザベス　マルガリータ　フォン　ホーエンツォレルン　シュミット",
                        "1979-03-03",
                        "2",
                        home,
                        address(SHINONOME, "港町一丁目1番1号"),
                        "世帯主")
                .foreign(new ForeignResidence("ドイツ", "AB12345678CD", "永住者", null))
                .flag(ResidentFlag.LONG_NAME));
        add(person(
                        "R0015",
                        "H0015",
                        "𠮷田　一郎",
                        "ヨシダ　イチロウ",
                        "1975-09-09",
                        "1",
                        home,
                        address(SHINONOME, "本町二丁目6番8号"),
                        "世帯主")
                .honseki(PREFECTURE + "東雲市本町二丁目6番地", home, "𠮷田　一郎")
                .flag(ResidentFlag.RARE_CHARACTER));
        add(person(
                        "R0016",
                        "H0016",
                        "髙橋　美穂",
                        "タカハシ　ミホ",
                        "1984-02-29",
                        "2",
                        home,
                        address(SHINONOME, "東町三丁目3番3号"),
                        "世帯主")
                .honseki(PREFECTURE + "東雲市東町三丁目3番地", home, "髙橋　美穂"));
        add(person(
                        "R0017",
                        "H0017",
                        "グエン　ヴァン　アン",
                        "グエン　ヴァン　アン",
                        "1996-06-15",
                        "1",
                        home,
                        address(SHINONOME, "西町一丁目2番3号　コーポ西町201"),
                        "世帯主")
                .foreign(new ForeignResidence("ベトナム", "UV98765432WX", "技術・人文知識・国際業務", LocalDate.parse("2027-06-14")))
                .since("2021-10-01"));
        add(person(
                        "R0018",
                        "H0018",
                        "松本　亜紀",
                        "マツモト　アキ",
                        "1991-01-19",
                        "2",
                        home,
                        address(SHINONOME, "北町三丁目1番7号"),
                        "世帯主")
                .honseki(PREFECTURE + "東雲市北町三丁目1番地", home, "松本　亜紀")
                .flag(ResidentFlag.KOSEKI_NOTIFICATION_PENDING));
        add(person(
                        "R0019",
                        "H0019",
                        "井上　修",
                        "イノウエ　オサム",
                        "1968-08-08",
                        "1",
                        WAKABA.code(),
                        address(WAKABA, "中央一丁目4番2号"),
                        "世帯主")
                .honseki(PREFECTURE + "若葉町中央一丁目4番地", WAKABA.code(), "井上　修"));
        add(person(
                        "R0020",
                        "H0020",
                        "木村　沙織",
                        "キムラ　サオリ",
                        "1983-12-24",
                        "2",
                        AOBA.code(),
                        address(AOBA, "青葉台二丁目15番1号"),
                        "世帯主")
                .honseki(PREFECTURE + "青葉市青葉台二丁目15番地", AOBA.code(), "木村　沙織"));
        add(person(
                        "R0021",
                        "H0021",
                        "林　正人",
                        "ハヤシ　マサト",
                        "1959-05-05",
                        "1",
                        SAKURADAI.code(),
                        address(SAKURADAI, "大字桜台123番地"),
                        "世帯主")
                .honseki(PREFECTURE + "桜台村大字桜台123番地", SAKURADAI.code(), "林　正人"));
        // Household H0022: seven members, so a whole-household record runs to several pages.
        String a22 = address(SHINONOME, "緑ヶ丘三丁目20番1号");
        String h22 = PREFECTURE + "東雲市緑ヶ丘三丁目20番地";
        String[][] big = {
            {"R0022", "清水　勝", "シミズ　マサル", "1955-01-10", "1", "世帯主"},
            {"R0023", "清水　和子", "シミズ　カズコ", "1957-03-21", "2", "妻"},
            {"R0024", "清水　隆", "シミズ　タカシ", "1982-07-02", "1", "子"},
            {"R0025", "清水　真理", "シミズ　マリ", "1984-11-11", "2", "子の妻"},
            {"R0026", "清水　陽斗", "シミズ　ハルト", "2010-04-20", "1", "孫"},
            {"R0027", "清水　結衣", "シミズ　ユイ", "2013-09-05", "2", "孫"},
            {"R0028", "清水　湊", "シミズ　ミナト", "2018-02-14", "1", "孫"}
        };
        for (String[] p : big) {
            PersonBuilder b = person(p[0], "H0022", p[1], p[2], p[3], p[4], home, a22, p[5])
                    .honseki(h22, home, "清水　勝");
            if (LocalDate.parse(p[3]).isAfter(LocalDate.parse("2008-01-01"))) {
                b.noSeal().noTax();
            }
            add(b);
        }
        // Moved in on 2024-08-01: 東雲市 holds the tax data of 2025年度 onwards (resident on
        // 1 January 2025), not of 2024年度, which the former municipality assessed.
        add(person(
                        "R0029",
                        "H0029",
                        "中島　美樹",
                        "ナカジマ　ミキ",
                        "1992-03-14",
                        "2",
                        home,
                        address(SHINONOME, "港町二丁目5番11号"),
                        "世帯主")
                .honseki(PREFECTURE + "東雲市港町二丁目5番地", home, "中島　美樹")
                .since("2024-08-01")
                .income(3_600_000L));
        random.nextInt(); // the edge cases are fixed; the seed only drives ordinary residents
    }

    private void addOrdinary(Random random, int count) {
        int next = 100;
        int household = 100;
        while (next < 100 + count) {
            Municipality m = pickMunicipality(random);
            String householdId = String.format("H%04d", household++);
            String[] surname = Names.SURNAMES[random.nextInt(Names.SURNAMES.length)];
            String town = Names.TOWNS[random.nextInt(Names.TOWNS.length)];
            String addr = address(
                    m,
                    town + Names.CHOME[random.nextInt(Names.CHOME.length)] + "丁目" + (1 + random.nextInt(30)) + "番"
                            + (1 + random.nextInt(20)) + "号");
            String honseki = PREFECTURE + m.name() + town + (1 + random.nextInt(30)) + "番地";
            int size = Math.min(1 + random.nextInt(4), 100 + count - next);
            String headName = null;
            boolean headMale = random.nextBoolean();
            for (int i = 0; i < size; i++) {
                boolean male = i == 0 ? headMale : (i == 1 ? !headMale : random.nextBoolean());
                String[] given = male
                        ? Names.MALE[random.nextInt(Names.MALE.length)]
                        : Names.FEMALE[random.nextInt(Names.FEMALE.length)];
                String name = surname[0] + "　" + given[0];
                if (i == 0) {
                    headName = name;
                }
                int birthYear = i <= 1 ? 1950 + random.nextInt(50) : 2000 + random.nextInt(24);
                String birth =
                        String.format("%04d-%02d-%02d", birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
                String relation = i == 0 ? "世帯主" : (i == 1 ? (male ? "夫" : "妻") : "子");
                PersonBuilder b = person(
                                String.format("R%04d", next++),
                                householdId,
                                name,
                                surname[1] + "　" + given[1],
                                birth,
                                male ? "1" : "2",
                                m.code(),
                                addr,
                                relation)
                        .honseki(honseki, m.code(), headName)
                        .since(String.format("%04d-04-01", Math.max(birthYear, 2000 + random.nextInt(20))))
                        .income(2_000_000L + random.nextInt(60) * 100_000L);
                if (birthYear >= 2008) {
                    b.noSeal().noTax().income(0);
                }
                add(b);
            }
        }
    }

    private Municipality pickMunicipality(Random random) {
        int n = random.nextInt(10);
        return n < 7 ? SHINONOME : municipalities.get(1 + random.nextInt(municipalities.size() - 1));
    }

    private void add(PersonBuilder b) {
        Resident r = b.build(this);
        byId.put(r.residentId(), r);
    }

    private static String address(Municipality m, String rest) {
        return PREFECTURE + m.name() + rest;
    }

    private static Municipality municipality(String base, String name, String kana, String mayor, String postal) {
        return new Municipality(base + LocalGovernmentCode.checkDigit(base), name, kana, PREFECTURE, mayor, postal);
    }

    private PersonBuilder person(
            String id,
            String household,
            String name,
            String kana,
            String birth,
            String sex,
            String municipality,
            String address,
            String relation) {
        return new PersonBuilder(
                id, household, name, kana, LocalDate.parse(birth), sex, municipality, address, relation);
    }

    /** Collects one resident's fields; defaults are the ordinary case. */
    private static final class PersonBuilder {
        private final String id;
        private final String household;
        private final String name;
        private final String kana;
        private final LocalDate birth;
        private final String sex;
        private final String municipality;
        private final String address;
        private final String relation;
        private LocalDate since;
        private String honseki;
        private String honsekiCode;
        private String kosekiHead;
        private boolean kosekiRegistered = true;
        private boolean seal = true;
        private boolean tax = true;
        private long income = 4_200_000L;
        private ForeignResidence foreign;
        private final Set<ResidentFlag> flags = EnumSet.noneOf(ResidentFlag.class);

        PersonBuilder(
                String id,
                String household,
                String name,
                String kana,
                LocalDate birth,
                String sex,
                String municipality,
                String address,
                String relation) {
            this.id = id;
            this.household = household;
            this.name = name;
            this.kana = kana;
            this.birth = birth;
            this.sex = sex;
            this.municipality = municipality;
            this.address = address;
            this.relation = relation;
            this.since = birth.isAfter(LocalDate.parse("2010-04-01")) ? birth : LocalDate.parse("2010-04-01");
        }

        PersonBuilder honseki(String honseki, String code, String head) {
            this.honseki = honseki;
            this.honsekiCode = code;
            this.kosekiHead = head;
            return this;
        }

        PersonBuilder kosekiRegistered(boolean registered) {
            this.kosekiRegistered = registered;
            return this;
        }

        PersonBuilder since(String date) {
            this.since = LocalDate.parse(date);
            return this;
        }

        PersonBuilder noSeal() {
            this.seal = false;
            return this;
        }

        PersonBuilder noTax() {
            this.tax = false;
            return this;
        }

        PersonBuilder income(long yen) {
            this.income = yen;
            return this;
        }

        PersonBuilder foreign(ForeignResidence f) {
            this.foreign = f;
            return this;
        }

        PersonBuilder flag(ResidentFlag flag) {
            flags.add(flag);
            return this;
        }

        Resident build(ResidentCatalogue catalogue) {
            String postal = catalogue
                    .municipality(municipality)
                    .map(m -> m.postalPrefix() + String.format("%04d", Math.abs(address.hashCode()) % 10000))
                    .orElse("000-0000");
            return new Resident(
                    id,
                    household,
                    name,
                    kana,
                    birth,
                    sex,
                    MyNumbers.synthetic(catalogue.seed + ":" + id),
                    municipality,
                    postal,
                    address,
                    relation,
                    since,
                    foreign == null ? honseki : null,
                    foreign == null ? honsekiCode : null,
                    foreign == null ? kosekiHead : null,
                    kosekiRegistered,
                    seal,
                    tax,
                    tax ? income : 0,
                    foreign,
                    flags);
        }
    }
}
