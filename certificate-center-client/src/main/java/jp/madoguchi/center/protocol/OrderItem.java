package jp.madoguchi.center.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One certificate of an order: type, scope (and chosen members), options, copies and, for the
 * tax certificate only, the chosen fiscal year (年度, western year: 2026 is 令和8年度; it covers
 * the income of the year before). The year must be one of the menu item's {@link
 * MenuItem#fiscalYears()}.
 */
public record OrderItem(
        CertificateType type,
        IssuanceScope scope,
        List<String> memberRefs,
        List<CertificateOption> options,
        int copies,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer fiscalYear) {
    public OrderItem {
        Required.field(type, "type");
        scope = scope == null ? IssuanceScope.SELF : scope;
        memberRefs = Required.list(memberRefs);
        options = Required.list(options);
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1");
        }
        FiscalYears.checkOrdered(type, fiscalYear);
    }

    /** An item of a type without a fiscal year (every type but {@link CertificateType#INCOME_TAX}). */
    public OrderItem(
            CertificateType type,
            IssuanceScope scope,
            List<String> memberRefs,
            List<CertificateOption> options,
            int copies) {
        this(type, scope, memberRefs, options, copies, null);
    }

    /** One copy of {@code type} for the cardholder, without options (not for the tax certificate). */
    public static OrderItem self(CertificateType type) {
        return new OrderItem(type, IssuanceScope.SELF, List.of(), List.of(), 1);
    }

    /** One copy of the tax certificate (所得・課税証明書) of {@code fiscalYear} for the cardholder. */
    public static OrderItem incomeTax(int fiscalYear) {
        return new OrderItem(CertificateType.INCOME_TAX, IssuanceScope.SELF, List.of(), List.of(), 1, fiscalYear);
    }
}
