package jp.madoguchi.printer.receipt;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A report for the clerk: the daily close (日計), a device check, a journal extract. Rows are label
 * and value pairs, grouped in sections; ids, counts and money only.
 *
 * @param title e.g. 日計表
 * @param kioskId the terminal
 * @param printedAt when it was printed
 * @param sections the body
 */
public record ClerkReport(String title, String kioskId, LocalDateTime printedAt, List<Section> sections)
        implements Receipt {

    /** A heading and its rows. */
    public record Section(String heading, List<Row> rows) {
        public Section {
            Objects.requireNonNull(heading, "heading");
            rows = List.copyOf(rows);
        }
    }

    /** One line: a label left, a value right. */
    public record Row(String label, String value) {
        public Row {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    public ClerkReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(printedAt, "printedAt");
        sections = List.copyOf(sections);
    }
}
