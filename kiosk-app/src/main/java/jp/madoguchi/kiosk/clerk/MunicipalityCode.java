package jp.madoguchi.kiosk.clerk;

import java.util.Optional;

/** A local government code (全国地方公共団体コード, 6 digits), the only place data clerk mode shows. */
public record MunicipalityCode(String value) {
    public MunicipalityCode {
        if (value == null || !value.matches("[0-9]{5,6}")) {
            throw new IllegalArgumentException("a municipality code is 5 or 6 digits");
        }
    }

    /** Empty for null or anything not shaped like a code. */
    public static Optional<MunicipalityCode> ofNullable(String text) {
        return text != null && text.matches("[0-9]{5,6}") ? Optional.of(new MunicipalityCode(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
