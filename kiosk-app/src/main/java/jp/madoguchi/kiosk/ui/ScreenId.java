package jp.madoguchi.kiosk.ui;

/** The screens of the resident's journey, in the order a resident meets them. */
public enum ScreenId {
    /** Standby: service hours, languages, what to bring, start. */
    HOME,
    /** Notes before using the kiosk, and consent. */
    CONSENT,
    /** Place your card on the reader. */
    PLACE_CARD,
    /** Something is in progress (reading the card, checking the PIN with the center). */
    WORKING,
    /** The four-digit PIN pad. */
    PIN,
    /** What this resident may order (and what not, with the reason). */
    MENU,
    /** Options of the chosen certificate (住民票: whose entries, which items). */
    OPTIONS,
    /** Number of copies. */
    COPIES,
    /** Fee breakdown and confirmation. */
    CONFIRM,
    /** Insert coins and bills. */
    PAYMENT,
    /** Printing, copy by copy. */
    PRINTING,
    /** Take your paper, then your card (the card-left alarm). */
    TAKE_OUT,
    /** Thank you, with the receipt's figures. */
    THANKS,
    /** The transaction ended early: what happened, what to do, what happens to the money. */
    ENDED;

    /** The file name of this screen's picture in {@code docs/screens/<lang>/}. */
    public String fileName() {
        return String.format(
                "%02d-%s.png",
                ordinal() + 1, name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
