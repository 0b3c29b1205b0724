package jp.madoguchi.center.protocol;

import java.util.List;

/**
 * One orderable type: the scopes and options allowed for this resident, the per-copy fee in
 * yen, the copy limit per order, and (for residence records) the household members that can be
 * chosen.
 */
public record MenuItem(
        CertificateType type,
        List<IssuanceScope> scopes,
        List<CertificateOption> options,
        int feeYen,
        int maxCopies,
        List<HouseholdMember> members) {
    public MenuItem {
        Required.field(type, "type");
        scopes = Required.list(scopes);
        options = Required.list(options);
        members = Required.list(members);
        if (feeYen < 0 || maxCopies < 1) {
            throw new IllegalArgumentException("fee must be >= 0 and maxCopies >= 1");
        }
    }
}
