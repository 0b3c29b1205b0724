package jp.madoguchi.sim.center.documents;

import java.util.List;

/**
 * What a certificate shows, independent of drawing: title, sections of label/value rows (one
 * section per person, or per block), the certification sentence, date, issuer line and the text
 * of the municipal seal (公印), and the optional seal impression (印影) of a seal certificate.
 */
public record CertificateLayout(
        String title,
        List<Section> sections,
        String certification,
        String dateLine,
        String issuerLine,
        String sealText,
        String sealImpression) {
    public CertificateLayout {
        sections = List.copyOf(sections);
    }

    /** A block of rows, with an optional heading. */
    public record Section(String heading, List<Row> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /** One row of the body table. */
    public record Row(String label, String value) {}
}
