package jp.madoguchi.kiosk.clerk;

import java.time.Instant;
import java.util.Optional;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.Yen;

/**
 * One cell of an exported log. It can only be made from typed values — a transaction number, a
 * time, an enum constant, a count, an amount, a {@link Code} or a municipality code — never from a
 * free string. This is what makes personal data impossible in an export: there is no way to put
 * a name or an address into a cell.
 */
public final class LogCell {
    private final String text;

    private LogCell(String text) {
        this.text = text;
    }

    public static LogCell of(TransactionId id) {
        return new LogCell(id.value());
    }

    public static LogCell of(Instant at) {
        return new LogCell(at.toString());
    }

    public static LogCell of(Enum<?> constant) {
        return new LogCell(constant.name());
    }

    public static LogCell of(long count) {
        return new LogCell(Long.toString(count));
    }

    public static LogCell of(Yen amount) {
        return new LogCell(Long.toString(amount.amount()));
    }

    public static LogCell of(Code code) {
        return new LogCell(code.value());
    }

    public static LogCell of(MunicipalityCode code) {
        return new LogCell(code.value());
    }

    /** An empty cell for an absent optional value. */
    public static LogCell empty() {
        return new LogCell("");
    }

    public static LogCell ofCode(Optional<Code> code) {
        return code.map(LogCell::of).orElse(empty());
    }

    /** The cell's text; none of the shapes above needs CSV quoting. */
    public String text() {
        return text;
    }
}
