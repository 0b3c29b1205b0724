package jp.madoguchi.kiosk.settlement;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.madoguchi.kiosk.journal.LedgerEntry;
import jp.madoguchi.kiosk.money.Yen;

/** Ledger entries summed per municipality and certificate type, in a stable order. */
public record FeeSummary(List<FeeLine> lines) {

    static FeeSummary of(List<LedgerEntry> entries) {
        Map<String, FeeLine> byKey = new TreeMap<>();
        for (LedgerEntry entry : entries) {
            String key = entry.municipalityCode() + "\u0000" + entry.type();
            byKey.merge(
                    key,
                    FeeLine.empty(entry.municipalityCode(), entry.type()).plus(entry.split()),
                    (a, b) -> a.plus(entry.split()));
        }
        return new FeeSummary(List.copyOf(byKey.values()));
    }

    public int copies() {
        return lines.stream().mapToInt(FeeLine::copies).sum();
    }

    public Yen fees() {
        return lines.stream().map(FeeLine::fees).reduce(Yen.ZERO, Yen::plus);
    }

    public Yen municipalityShare() {
        return lines.stream().map(FeeLine::municipalityShare).reduce(Yen.ZERO, Yen::plus);
    }

    public Yen operatorShare() {
        return lines.stream().map(FeeLine::operatorShare).reduce(Yen.ZERO, Yen::plus);
    }
}
