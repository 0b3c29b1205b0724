package jp.madoguchi.center.protocol;

/** Whose entries a residence record shows. Other types are always {@link #SELF}. */
public enum IssuanceScope {
    /** The cardholder only (本人). */
    SELF,
    /** Every member of the cardholder's household (世帯全員). */
    HOUSEHOLD,
    /** Chosen members of the household (世帯一部), listed in the order item. */
    SELECTED_MEMBERS
}
