package jp.madoguchi.card;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The four basic attributes (基本4情報) printed on the card, as read from the card-info AP. This
 * is personal data: {@link #toString()} hides it so that it never reaches a log by accident.
 */
public record BasicAttributes(String name, String address, LocalDate birthDate, Sex sex) {
    public BasicAttributes {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
    }

    @Override
    public String toString() {
        return "BasicAttributes[personal data hidden]";
    }
}
