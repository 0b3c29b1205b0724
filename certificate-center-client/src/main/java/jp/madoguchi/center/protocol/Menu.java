package jp.madoguchi.center.protocol;

import java.util.List;
import java.util.Optional;

/** The types a resident may order now, and for each other type the reason why not. */
public record Menu(List<MenuItem> available, List<UnavailableItem> unavailable) {
    public Menu {
        available = Required.list(available);
        unavailable = Required.list(unavailable);
    }

    /** The entry for {@code type}, if the resident may order it. */
    public Optional<MenuItem> item(CertificateType type) {
        return available.stream().filter(i -> i.type() == type).findFirst();
    }

    /** Why {@code type} is not available, if it is not. */
    public Optional<ErrorCode> reasonUnavailable(CertificateType type) {
        return unavailable.stream()
                .filter(u -> u.type() == type)
                .map(UnavailableItem::reason)
                .findFirst();
    }
}
