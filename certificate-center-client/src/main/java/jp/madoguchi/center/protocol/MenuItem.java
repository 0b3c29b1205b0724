package jp.madoguchi.center.protocol;

import java.util.List;

/**
 * One orderable type: the issuing municipality (the 本籍 municipality for 戸籍 of a resident
 * registered elsewhere), the scopes and options allowed for this resident, the per-copy fee in
 * yen, the copy limit per order, and (for residence records) the household members that can be
 * chosen.
 */
public record MenuItem(
        CertificateType type,
        String municipalityCode,
        List<IssuanceScope> scopes,
        List<CertificateOption> options,
        int feeYen,
        int maxCopies,
        List<HouseholdMember> members) {
    public MenuItem {
        Required.field(type, "type");
        Required.text(municipalityCode, "municipalityCode");
        scopes = Required.list(scopes);
        options = Required.list(options);
        members = Required.list(members);
        if (feeYen < 0 || maxCopies < 1) {
            throw new IllegalArgumentException("fee must be >= 0 and maxCopies >= 1");
        }
    }
}
