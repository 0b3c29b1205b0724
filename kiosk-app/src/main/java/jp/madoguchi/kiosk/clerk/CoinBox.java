package jp.madoguchi.kiosk.clerk;

import java.time.Instant;
import java.util.Optional;
import jp.madoguchi.kiosk.journal.CashEventKind;
import jp.madoguchi.kiosk.money.Yen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coin and bill box of a store kiosk. Every coin the acceptor takes drops into it (change
 * comes from the hoppers' own float), so what it should hold is the money journaled as inserted
 * since the last collection. A collection records what the clerk counted beside what the
 * journal expects; a difference is kept as it is, for the store to explain.
 */
public final class CoinBox {
    private static final Logger LOG = LoggerFactory.getLogger(CoinBox.class);

    /** One collection: expected from the journal, counted by the clerk. */
    public record Collection(Instant at, Yen expected, Yen counted) {
        /** Counted minus expected (negative when money is missing). */
        public long difference() {
            return counted.amount() - expected.amount();
        }
    }

    private final ClerkJournal records;

    public CoinBox(ClerkJournal records) {
        this.records = records;
    }

    /** Since when the box has been filling: the last collection, or the journal's start. */
    public Instant since() {
        return records.latest(ClerkEventKind.COINS_COLLECTED)
                .map(ClerkEvent::at)
                .orElse(Instant.EPOCH);
    }

    /** What the box should hold now. */
    public Yen expected() {
        return records.cash(
                CashEventKind.INSERTED, since(), records.clock().instant().plusMillis(1));
    }

    /** The clerk emptied the box and counted {@code counted}: recorded into the clerk records. */
    public synchronized Collection collect(Yen counted) {
        Yen expected = expected();
        ClerkEvent event = records.record(
                ClerkEventKind.COINS_COLLECTED,
                Optional.empty(),
                counted,
                expected,
                0,
                Optional.of(new Code(counted.equals(expected) ? "BALANCED" : "DIFFERENCE")));
        Collection collection = new Collection(event.at(), expected, counted);
        LOG.info(
                "coin box collected: counted {} expected {} difference {}", counted, expected, collection.difference());
        return collection;
    }
}
