package jp.madoguchi.sim.center.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.ErrorCode;
import jp.madoguchi.center.protocol.HouseholdMember;
import jp.madoguchi.center.protocol.IssuanceScope;
import jp.madoguchi.center.protocol.Menu;
import jp.madoguchi.center.protocol.MenuItem;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.center.protocol.UnavailableItem;
import jp.madoguchi.sim.center.registry.MunicipalityService;
import jp.madoguchi.sim.center.registry.Offer;
import jp.madoguchi.sim.center.registry.Registry;
import jp.madoguchi.sim.center.registry.ServiceWindow;
import jp.madoguchi.sim.resident.Resident;
import jp.madoguchi.sim.resident.ResidentFlag;

/**
 * The rules engine of domain.md: decides whether a resident may use kiosks now and, if so, which
 * certificate types, scopes, options, fees and copy limits THIS resident's menu holds, with the
 * reason for every type left out. Orders are checked again against a fresh decision at issuance
 * (hours and maintenance may have changed since the session opened).
 */
public final class IssuanceRules {
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Longest name (characters, spaces not counted) the certificate servers can print. */
    public static final int NAME_LIMIT = 30;
    /** Longest address the certificate servers can print. */
    public static final int ADDRESS_LIMIT = 60;

    private static final Set<CertificateOption> NATIONAL_OPTIONS = EnumSet.of(
            CertificateOption.HOUSEHOLD_HEAD_AND_RELATION,
            CertificateOption.HONSEKI_AND_HEAD,
            CertificateOption.MY_NUMBER);
    private static final Set<CertificateOption> FOREIGN_OPTIONS = EnumSet.of(
            CertificateOption.HOUSEHOLD_HEAD_AND_RELATION,
            CertificateOption.NATIONALITY,
            CertificateOption.RESIDENCE_CARD_NUMBER,
            CertificateOption.RESIDENCE_STATUS,
            CertificateOption.MY_NUMBER);

    private final Registry registry;
    private final Predicate<String> printable;

    /**
     * @param printable true when the certificate typeface can draw a text (a record with a
     *     character it cannot draw is refused rather than printed with a substitute)
     */
    public IssuanceRules(Registry registry, Predicate<String> printable) {
        this.registry = registry;
        this.printable = printable;
    }

    /**
     * Decides for {@code resident} at {@code now}.
     *
     * @throws Refusal OUTSIDE_HOURS, MUNICIPALITY_MAINTENANCE, RESIDENT_BLOCKED or RECORD_NOT_PRINTABLE
     */
    public SessionDecision decide(Resident resident, Instant now, boolean forcedOutsideHours) {
        ZonedDateTime local = now.atZone(JAPAN);
        if (forcedOutsideHours || !kioskServiceOpen(local)) {
            throw new Refusal(ErrorCode.OUTSIDE_HOURS, "outside the kiosk service hours (6:30-23:00, not 12/29-1/3)");
        }
        MunicipalityService home = registry.municipality(resident.municipalityCode())
                .orElseThrow(() -> new Refusal(ErrorCode.CERT_UNKNOWN, "the resident's municipality is not served"));
        if (inMaintenance(home, now)) {
            throw new Refusal(ErrorCode.MUNICIPALITY_MAINTENANCE, "municipality " + home.code() + " is in maintenance");
        }
        List<Resident> household = registry.household(resident.householdId());
        blockedReason(resident, household, local.toLocalDate()).ifPresent(reason -> {
            throw new Refusal(ErrorCode.RESIDENT_BLOCKED, "resident blocked: " + reason);
        });
        if (!printableRecord(resident)) {
            throw new Refusal(ErrorCode.RECORD_NOT_PRINTABLE, "the record exceeds the printable length or characters");
        }
        List<MenuItem> available = new ArrayList<>();
        List<UnavailableItem> unavailable = new ArrayList<>();
        for (CertificateType type : CertificateType.values()) {
            MunicipalityService issuer =
                    type.isKoseki() ? kosekiIssuer(resident).orElse(null) : home;
            Optional<ErrorCode> reason = reasonUnavailable(type, resident, issuer, local);
            if (reason.isPresent()) {
                unavailable.add(new UnavailableItem(type, reason.get()));
            } else {
                Offer offer = issuer.offer(type).orElseThrow();
                available.add(menuItem(type, resident, household, issuer, offer, local.toLocalDate()));
            }
        }
        return new SessionDecision(home, new Menu(available, unavailable));
    }

    /** Checks an order against a menu; throws the reason of the first item that does not fit. */
    public void checkOrder(Menu menu, List<OrderItem> items) {
        checkOrder(menu, items, null);
    }

    /**
     * Checks an order against a menu decided at {@code now}; throws the reason of the first item
     * that does not fit. A tax year missing from the menu is refused with TAX_DATA_MISSING when
     * the municipality offers that year but holds no data of this resident for it, else with
     * OPTION_NOT_ALLOWED (a year the municipality does not offer at kiosks now, or {@code now}
     * unknown).
     */
    public void checkOrder(Menu menu, List<OrderItem> items, Instant now) {
        for (OrderItem item : items) {
            MenuItem entry = menu.item(item.type())
                    .orElseThrow(() -> new Refusal(
                            menu.reasonUnavailable(item.type()).orElse(ErrorCode.NOT_OFFERED),
                            item.type() + " is not available in this session"));
            if (!entry.scopes().contains(item.scope())) {
                throw new Refusal(ErrorCode.OPTION_NOT_ALLOWED, "scope " + item.scope() + " is not allowed");
            }
            if (!entry.options().containsAll(item.options())
                    || new HashSet<>(item.options()).size() != item.options().size()) {
                throw new Refusal(ErrorCode.OPTION_NOT_ALLOWED, "an option of " + item.type() + " is not allowed");
            }
            if (!entry.offersFiscalYear(item.fiscalYear())) {
                throw taxYearRefusal(entry, item, now);
            }
            if (item.copies() > entry.maxCopies()) {
                throw new Refusal(
                        ErrorCode.COPY_LIMIT_EXCEEDED, item.copies() + " copies, at most " + entry.maxCopies());
            }
            if (item.scope() == IssuanceScope.SELECTED_MEMBERS) {
                Set<String> known = new HashSet<>();
                entry.members().forEach(m -> known.add(m.memberRef()));
                if (item.memberRefs().isEmpty() || !known.containsAll(item.memberRefs())) {
                    throw new Refusal(ErrorCode.MEMBER_NOT_IN_HOUSEHOLD, "a chosen member is not in the household");
                }
            } else if (!item.memberRefs().isEmpty()) {
                throw new Refusal(ErrorCode.BAD_REQUEST, "members are chosen only with scope SELECTED_MEMBERS");
            }
        }
    }

    private Refusal taxYearRefusal(MenuItem entry, OrderItem item, Instant now) {
        if (item.fiscalYear() == null) {
            return new Refusal(ErrorCode.BAD_REQUEST, item.type() + " needs a fiscalYear");
        }
        List<Integer> offered = now == null
                ? List.of()
                : registry.municipality(entry.municipalityCode())
                        .map(m -> m.taxYears().offered(now.atZone(JAPAN).toLocalDate()))
                        .orElse(List.of());
        if (offered.contains(item.fiscalYear())) {
            return new Refusal(
                    ErrorCode.TAX_DATA_MISSING,
                    "no tax data of fiscal year " + item.fiscalYear() + " for this resident (offered for them: "
                            + entry.fiscalYears() + ")");
        }
        return new Refusal(
                ErrorCode.OPTION_NOT_ALLOWED,
                "fiscal year " + item.fiscalYear() + " is not offered at kiosks now (offered: " + offered + ")");
    }

    /**
     * The fiscal years of the tax certificate that {@code r} can order from {@code issuer} on
     * {@code today}, latest first: the years the municipality offers whose data it holds for the
     * resident (empty when there are none, or the municipality does not offer the certificate).
     */
    public static List<Integer> taxYears(Resident r, MunicipalityService issuer, LocalDate today) {
        if (issuer == null || issuer.offer(CertificateType.INCOME_TAX).isEmpty()) {
            return List.of();
        }
        return issuer.taxYears().offered(today).stream().filter(r::taxDataFor).toList();
    }

    /** The kiosk service: 6:30-23:00 every day except the year-end stop 12/29-1/3. */
    public static boolean kioskServiceOpen(ZonedDateTime local) {
        MonthDay day = MonthDay.from(local);
        boolean yearEnd = !day.isBefore(MonthDay.of(12, 29)) || !day.isAfter(MonthDay.of(1, 3));
        return !yearEnd && ServiceWindow.kioskHours().isOpen(local);
    }

    private boolean inMaintenance(MunicipalityService m, Instant now) {
        return m.inMaintenance(now) || registry.forcedMaintenance(m.code());
    }

    private static Optional<String> blockedReason(Resident r, List<Resident> household, LocalDate today) {
        if (r.has(ResidentFlag.DECEASED)) {
            return Optional.of("deceased");
        }
        if (r.has(ResidentFlag.MOVED_OUT)) {
            return Optional.of("moved out");
        }
        if (household.stream().anyMatch(m -> m.has(ResidentFlag.MOVE_OUT_FILED))) {
            return Optional.of("move-out filed in the household");
        }
        if (r.has(ResidentFlag.DV_SUPPORT)) {
            return Optional.of("support measures");
        }
        if (r.has(ResidentFlag.MOVED_IN_TODAY) || r.residentSince().equals(today)) {
            return Optional.of("moved in today");
        }
        return Optional.empty();
    }

    /** True when the record fits the printable length and every character has a glyph. */
    public boolean printableRecord(Resident r) {
        if (r.name()
                                .replace("　", "")
                                .replace(" ", "")
                                .codePointCount(
                                        0,
                                        r.name()
                                                .replace("　", "")
                                                .replace(" ", "")
                                                .length())
                        > NAME_LIMIT
                || r.address().codePointCount(0, r.address().length()) > ADDRESS_LIMIT) {
            return false;
        }
        for (String text : new String[] {r.name(), r.nameKana(), r.address(), r.honseki(), r.kosekiHead()}) {
            if (text != null && !printable.test(text)) {
                return false;
            }
        }
        return true;
    }

    private Optional<MunicipalityService> kosekiIssuer(Resident r) {
        return r.honsekiMunicipalityCode() == null
                ? Optional.empty()
                : registry.municipality(r.honsekiMunicipalityCode());
    }

    private Optional<ErrorCode> reasonUnavailable(
            CertificateType type, Resident r, MunicipalityService issuer, ZonedDateTime local) {
        LocalDate today = local.toLocalDate();
        if (type.isKoseki()) {
            if (r.isForeign()) {
                return Optional.of(ErrorCode.KOSEKI_NOT_APPLICABLE);
            }
            if (issuer == null || issuer.offer(type).isEmpty()) {
                return Optional.of(ErrorCode.NOT_OFFERED);
            }
            if (r.honsekiElsewhere() && !r.kosekiUsageRegistered()) {
                return Optional.of(ErrorCode.KOSEKI_NOT_REGISTERED);
            }
            if (r.has(ResidentFlag.KOSEKI_NOTIFICATION_PENDING)) {
                return Optional.of(ErrorCode.KOSEKI_PENDING);
            }
            if (inMaintenance(issuer, local.toInstant())) {
                return Optional.of(ErrorCode.MUNICIPALITY_MAINTENANCE);
            }
            if (!issuer.kosekiHours().isOpen(local)) {
                return Optional.of(ErrorCode.OUTSIDE_HOURS);
            }
            return Optional.empty();
        }
        if (issuer.offer(type).isEmpty()) {
            return Optional.of(ErrorCode.NOT_OFFERED);
        }
        return switch (type) {
            case SEAL_REGISTRATION -> r.ageOn(today) < 15
                    ? Optional.of(ErrorCode.UNDER_AGE)
                    : r.sealRegistered() ? Optional.empty() : Optional.of(ErrorCode.SEAL_NOT_REGISTERED);
                // A new year's data is published in June; the resident must have lived here on
                // 1 January of a year the municipality offers (and still does) and have tax data.
            case INCOME_TAX -> taxYears(r, issuer, today).isEmpty()
                    ? Optional.of(ErrorCode.TAX_DATA_MISSING)
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private MenuItem menuItem(
            CertificateType type,
            Resident r,
            List<Resident> household,
            MunicipalityService issuer,
            Offer offer,
            LocalDate today) {
        List<IssuanceScope> scopes = List.of(IssuanceScope.SELF);
        List<CertificateOption> options = List.of();
        List<HouseholdMember> members = List.of();
        if (type == CertificateType.RESIDENCE_RECORD || type == CertificateType.RESIDENCE_RECORD_ITEMS) {
            Set<CertificateOption> applicable = EnumSet.copyOf(r.isForeign() ? FOREIGN_OPTIONS : NATIONAL_OPTIONS);
            applicable.retainAll(issuer.allowedOptions());
            options = List.copyOf(applicable);
            boolean wholeHouseholdPrintable = household.stream().allMatch(this::printableRecord);
            if (household.size() > 1 && wholeHouseholdPrintable) {
                scopes = List.of(IssuanceScope.SELF, IssuanceScope.HOUSEHOLD, IssuanceScope.SELECTED_MEMBERS);
                members = household.stream()
                        .map(m -> new HouseholdMember(
                                m.residentId(), m.name(), m.residentId().equals(r.residentId())))
                        .toList();
            }
        }
        List<Integer> fiscalYears = type == CertificateType.INCOME_TAX ? taxYears(r, issuer, today) : List.of();
        return new MenuItem(
                type, issuer.code(), scopes, options, offer.feeYen(), offer.maxCopies(), members, fiscalYears);
    }
}
