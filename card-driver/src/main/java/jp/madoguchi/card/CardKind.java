package jp.madoguchi.card;

/** What kind of card is in the reader. */
public enum CardKind {
    /** JPKI AP selectable and token info (EF 0006) starts with {@code JPKIAPICCTOKEN2}. */
    MY_NUMBER_CARD,
    /** Anything else: another IC card, a Juki card, a credit card. */
    OTHER
}
