package jp.madoguchi.sim.card;

/** The PINs of a My Number card, with where they live and their retry limits. */
public enum CardPin {
    /** 利用者証明用電子証明書 PIN: 4 digits, JPKI AP EF 0018, 3 tries. */
    AUTH_PIN(0x0018, 3, true),
    /** 署名用電子証明書 password: 6-16 upper-case letters and digits, JPKI AP EF 001B, 5 tries. */
    SIGNING_PASSWORD(0x001B, 5, true),
    /** 券面事項入力補助用 PIN: 4 digits, card-info AP EF 0011, 10 tries. */
    CARD_INFO_PIN(0x0011, 10, false);

    private final int fileId;
    private final int maxTries;
    private final boolean jpki;

    CardPin(int fileId, int maxTries, boolean jpki) {
        this.fileId = fileId;
        this.maxTries = maxTries;
        this.jpki = jpki;
    }

    /** The PIN's EF in its AP. */
    public int fileId() {
        return fileId;
    }

    /** Tries after personalisation or a correct entry. */
    public int maxTries() {
        return maxTries;
    }

    /** True for the JPKI AP's PINs, false for the card-info AP's. */
    public boolean inJpkiAp() {
        return jpki;
    }
}
