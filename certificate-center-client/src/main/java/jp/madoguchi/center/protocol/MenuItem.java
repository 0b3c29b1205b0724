package jp.madoguchi.center.protocol;

import java.util.List;

/**
 * One orderable type: the issuing municipality (the 本籍 municipality for 戸籍 of a resident
 * registered elsewhere), the scopes and options allowed for this resident, the per-copy fee in
 * yen, the copy limit per order, (for residence records) the household members that can be
 * chosen and (for the tax certificate only) the fiscal years (年度) this resident can order,
 * latest first: the years the municipality offers at kiosks for which it holds this resident's
 * tax data.
 */
public record MenuItem(
        CertificateType type,
        String municipalityCode,
        List<IssuanceScope> scopes,
        List<CertificateOption> options,
        int feeYen,
        int maxCopies,
        List<HouseholdMember> members,
        List<Integer> fiscalYears) {
    public MenuItem {
        Required.field(type, "type");
        Required.text(municipalityCode, "municipalityCode");
        scopes = Required.list(scopes);
        options = Required.list(options);
        members = Required.list(members);
        if (feeYen < 0 || maxCopies < 1) {
            throw new IllegalArgumentException("fee must be >= 0 and maxCopies >= 1");
        }
        fiscalYears = FiscalYears.checkOffered(type, fiscalYears);
    }

    /** An entry of a type without fiscal years (every type but {@link CertificateType#INCOME_TAX}). */
    public MenuItem(
            CertificateType type,
            String municipalityCode,
            List<IssuanceScope> scopes,
            List<CertificateOption> options,
            int feeYen,
            int maxCopies,
            List<HouseholdMember> members) {
        this(type, municipalityCode, scopes, options, feeYen, maxCopies, members, List.of());
    }

    /** True when {@code fiscalYear} fits this entry: one of its years, or none for a type without years. */
    public boolean offersFiscalYear(Integer fiscalYear) {
        return fiscalYear == null ? fiscalYears.isEmpty() : fiscalYears.contains(fiscalYear);
    }
}
