package jp.madoguchi.printer.seal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A certificate ready for the printer: the sealed PDF in memory (front and back per sheet), never
 * written to disk by the kiosk. Call {@link #wipe()} once it is printed or abandoned.
 */
public final class PrintableCertificate {
    private final String documentId;
    private final byte[] pdf;
    private final int sheets;
    private final boolean twoSided;
    private final List<SealPayload> seals;

    public PrintableCertificate(String documentId, byte[] pdf, int sheets, boolean twoSided, List<SealPayload> seals) {
        this.documentId = Objects.requireNonNull(documentId, "documentId");
        this.pdf = Objects.requireNonNull(pdf, "pdf");
        this.sheets = sheets;
        this.twoSided = twoSided;
        this.seals = List.copyOf(seals);
    }

    public String documentId() {
        return documentId;
    }

    /**
     * The PDF bytes, shared (not copied, to keep one copy of the resident's data in memory); do not
     * modify them.
     */
    public byte[] pdf() {
        return pdf;
    }

    /** Sheets of paper: one per certificate page. */
    public int sheets() {
        return sheets;
    }

    /** Pages in the PDF (front and back of each sheet when two-sided). */
    public int pdfPages() {
        return twoSided ? sheets * 2 : sheets;
    }

    /** True when each sheet has a printed back and must be printed two-sided (long edge). */
    public boolean twoSided() {
        return twoSided;
    }

    /** The seals printed on the fronts, in page order. */
    public List<SealPayload> seals() {
        return seals;
    }

    /** Overwrites the PDF bytes in memory. */
    public void wipe() {
        Arrays.fill(pdf, (byte) 0);
    }

    @Override
    public String toString() {
        return "PrintableCertificate[document=" + documentId + ", sheets=" + sheets + ", twoSided=" + twoSided + "]";
    }
}
