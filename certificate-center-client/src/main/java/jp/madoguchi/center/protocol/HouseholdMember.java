package jp.madoguchi.center.protocol;

/** A member of the cardholder's household that can be put on a residence record. */
public record HouseholdMember(String memberRef, String name, boolean cardholder) {
    public HouseholdMember {
        Required.text(memberRef, "memberRef");
        Required.text(name, "name");
    }
}
