package jp.madoguchi.sim.resident;

/** A synthetic municipality: local-government code (6 digits with check digit), name and mayor. */
public record Municipality(
        String code, String name, String kana, String prefecture, String mayor, String postalPrefix) {
    /** The full name as printed in addresses, e.g. 架空県東雲市. */
    public String fullName() {
        return prefecture + name;
    }
}
