package jp.madoguchi.printer.seal;

/** The answer of a verification, with the exit status {@code kiosk verify} returns for it. */
public enum Verdict {
    /** Every page carries a valid seal of a trusted issuer and matches what the issuer sealed. */
    GENUINE(0),
    /** A seal, the certificate content, the background or the back differs from what was sealed. */
    ALTERED(3),
    /** The seal is signed with a key none of the trusted issuer certificates holds. */
    UNKNOWN_ISSUER(4),
    /** No Madoguchi seal was found: not a certificate printed by a Madoguchi kiosk. */
    NOT_SEALED(5);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    /** Exit status of {@code kiosk verify}: 0 only for {@link #GENUINE}. */
    public int exitCode() {
        return exitCode;
    }
}
