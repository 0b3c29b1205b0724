package jp.madoguchi.center.protocol;

import java.util.List;

/** One certificate of an order: type, scope (and chosen members), options and copies. */
public record OrderItem(
        CertificateType type,
        IssuanceScope scope,
        List<String> memberRefs,
        List<CertificateOption> options,
        int copies) {
    public OrderItem {
        Required.field(type, "type");
        scope = scope == null ? IssuanceScope.SELF : scope;
        memberRefs = Required.list(memberRefs);
        options = Required.list(options);
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1");
        }
    }

    /** One copy of {@code type} for the cardholder, without options. */
    public static OrderItem self(CertificateType type) {
        return new OrderItem(type, IssuanceScope.SELF, List.of(), List.of(), 1);
    }
}
