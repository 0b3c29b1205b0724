package jp.madoguchi.kiosk.settlement;

import jp.madoguchi.kiosk.money.FeeSplit;
import jp.madoguchi.kiosk.money.Yen;

/** Copies and money of one certificate type in one municipality over a period. */
public record FeeLine(
        String municipalityCode, String type, int copies, Yen fees, Yen municipalityShare, Yen operatorShare) {

    static FeeLine empty(String municipalityCode, String type) {
        return new FeeLine(municipalityCode, type, 0, Yen.ZERO, Yen.ZERO, Yen.ZERO);
    }

    FeeLine plus(FeeSplit copy) {
        return new FeeLine(
                municipalityCode,
                type,
                copies + 1,
                fees.plus(copy.fee()),
                municipalityShare.plus(copy.municipalityShare()),
                operatorShare.plus(copy.operatorShare()));
    }
}
