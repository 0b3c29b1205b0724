package jp.madoguchi.kiosk.settlement;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.stream.Collectors;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.journal.LedgerEntry;

/**
 * One municipality's monthly statement: per certificate type the copies issued, the fees
 * collected, the operator's commission and the amount remitted to the municipality.
 */
public record MunicipalStatement(String municipalityCode, YearMonth month, FeeSummary fees) {

    public static MunicipalStatement of(Journal journal, String municipalityCode, YearMonth month, ZoneId zone) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        var entries = journal.ledgerEntries(from, to).stream()
                .filter(e -> e.municipalityCode().equals(municipalityCode))
                .collect(Collectors.<LedgerEntry>toList());
        return new MunicipalStatement(municipalityCode, month, FeeSummary.of(entries));
    }

    /** The statement as CSV (UTF-8, header line, one line per type, a total line). */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(
                "municipality,month,type,copies,fees_yen,operator_commission_yen,remit_to_municipality_yen\n");
        for (FeeLine line : fees.lines()) {
            csv.append(String.join(
                            ",",
                            municipalityCode,
                            month.toString(),
                            line.type(),
                            Integer.toString(line.copies()),
                            Long.toString(line.fees().amount()),
                            Long.toString(line.operatorShare().amount()),
                            Long.toString(line.municipalityShare().amount())))
                    .append('\n');
        }
        csv.append(String.join(
                        ",",
                        municipalityCode,
                        month.toString(),
                        "TOTAL",
                        Integer.toString(fees.copies()),
                        Long.toString(fees.fees().amount()),
                        Long.toString(fees.operatorShare().amount()),
                        Long.toString(fees.municipalityShare().amount())))
                .append('\n');
        return csv.toString();
    }
}
