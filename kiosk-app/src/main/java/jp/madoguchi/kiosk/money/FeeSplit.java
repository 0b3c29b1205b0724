package jp.madoguchi.kiosk.money;

/**
 * How one copy's fee is shared: the store operator and J-LIS keep a fixed part per copy (115 yen
 * from FY2017), the municipality gets the rest. A fee below the operator's part (a campaign
 * price) leaves the municipality nothing and the operator the whole fee.
 */
public record FeeSplit(Yen fee, Yen municipalityShare, Yen operatorShare) {
    /** The operator's part per copy from FY2017 on. */
    public static final Yen STANDARD_OPERATOR_SHARE = Yen.of(115);

    public FeeSplit {
        if (!municipalityShare.plus(operatorShare).equals(fee)) {
            throw new IllegalArgumentException(
                    "shares must add up to the fee: " + municipalityShare + " + " + operatorShare + " != " + fee);
        }
    }

    /** Splits one copy's fee, giving the operator {@code operatorPart} or the whole fee if smaller. */
    public static FeeSplit of(Yen fee, Yen operatorPart) {
        Yen operator = fee.covers(operatorPart) ? operatorPart : fee;
        return new FeeSplit(fee, fee.minus(operator), operator);
    }
}
