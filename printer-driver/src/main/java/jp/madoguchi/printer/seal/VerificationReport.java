package jp.madoguchi.printer.seal;

import java.util.List;

/**
 * What a verification found.
 *
 * @param verdict the answer
 * @param seals the seals read, in page order (may be empty)
 * @param findings one line per check that failed or note worth showing, in English; ids only
 * @param back what was found about the scrambled backs
 */
public record VerificationReport(Verdict verdict, List<SealPayload> seals, List<String> findings, BackCheck back) {

    /** The result of comparing the scrambled backs with the fronts. */
    public enum BackCheck {
        /** Every back unscrambles to its front. */
        MATCHES_FRONT,
        /** A back does not unscramble to its front. */
        DIFFERS_FROM_FRONT,
        /** The backs are present but no scramble key was given. */
        NOT_CHECKED_NO_KEY,
        /** The document has no backs (printed one-sided) or only a QR text was given. */
        NO_BACK
    }

    public VerificationReport {
        seals = List.copyOf(seals);
        findings = List.copyOf(findings);
    }
}
