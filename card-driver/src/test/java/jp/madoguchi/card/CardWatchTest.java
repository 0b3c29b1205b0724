package jp.madoguchi.card;

import static jp.madoguchi.card.CardEvent.Type.CARD_INSERTED;
import static jp.madoguchi.card.CardEvent.Type.CARD_REMOVED;
import static jp.madoguchi.card.CardEvent.Type.READER_ADDED;
import static jp.madoguchi.card.CardEvent.Type.READER_LOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.madoguchi.card.internal.ScriptedJpkiCard;
import org.junit.jupiter.api.Test;

class CardWatchTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ScriptedReaders scripted = new ScriptedReaders();
    private final CardReaders readers = CardReaders.over(scripted.factory());
    private final List<CardEvent> events = new CopyOnWriteArrayList<>();

    private static CardEvent event(CardEvent.Type type, String reader) {
        return new CardEvent(type, reader);
    }

    @Test
    void reportsWhatIsPresentWhenTheWatchStarts() {
        scripted.addReader("Reader A").insert(ScriptedJpkiCard.myNumberCard());
        scripted.addReader("Reader B");

        try (CardWatch watch = readers.watch(events::add)) {
            await().atMost(WAIT).until(() -> events.size() == 3);
            assertThat(events)
                    .containsExactly(
                            event(READER_ADDED, "Reader A"),
                            event(CARD_INSERTED, "Reader A"),
                            event(READER_ADDED, "Reader B"));
        }
    }

    @Test
    void reportsCardsInsertedAndRemoved() {
        ScriptedReaders.Reader reader = scripted.addReader("Reader A");
        try (CardWatch watch = readers.watch(events::add)) {
            await().atMost(WAIT).until(() -> events.contains(event(READER_ADDED, "Reader A")));

            reader.insert(ScriptedJpkiCard.myNumberCard());
            await().atMost(WAIT).until(() -> events.contains(event(CARD_INSERTED, "Reader A")));
            reader.remove();
            await().atMost(WAIT).until(() -> events.contains(event(CARD_REMOVED, "Reader A")));

            assertThat(events)
                    .containsExactly(
                            event(READER_ADDED, "Reader A"),
                            event(CARD_INSERTED, "Reader A"),
                            event(CARD_REMOVED, "Reader A"));
        }
    }

    @Test
    void reportsReadersAddedAndLostWithTheirCards() {
        try (CardWatch watch = readers.watch(events::add)) {
            ScriptedReaders.Reader reader = scripted.addReader("USB Reader");
            await().atMost(WAIT).until(() -> events.contains(event(READER_ADDED, "USB Reader")));
            reader.insert(ScriptedJpkiCard.myNumberCard());
            await().atMost(WAIT).until(() -> events.contains(event(CARD_INSERTED, "USB Reader")));

            scripted.removeReader(reader);

            await().atMost(WAIT).until(() -> events.contains(event(READER_LOST, "USB Reader")));
            assertThat(events.subList(events.size() - 2, events.size()))
                    .containsExactly(event(CARD_REMOVED, "USB Reader"), event(READER_LOST, "USB Reader"));
        }
    }

    @Test
    void stoppedServiceLosesEveryReaderAndTheWatchRecoversWhenItIsBack() {
        scripted.addReader("Reader A");
        try (CardWatch watch = readers.watch(events::add)) {
            await().atMost(WAIT).until(() -> events.contains(event(READER_ADDED, "Reader A")));

            scripted.listFailure = "SCARD_E_NO_SERVICE";
            await().atMost(WAIT).until(() -> events.contains(event(READER_LOST, "Reader A")));
            scripted.listFailure = null;

            await().atMost(WAIT)
                    .until(() -> events.stream()
                                    .filter(e -> e.equals(event(READER_ADDED, "Reader A")))
                                    .count()
                            == 2);
        }
    }

    @Test
    void closeStopsTheWatchThreadAndNoEventFollows() {
        ScriptedReaders.Reader reader = scripted.addReader("Reader A");
        CardWatch watch = readers.watch(events::add);
        await().atMost(WAIT).until(() -> !events.isEmpty());

        watch.close();
        int delivered = events.size();
        reader.insert(ScriptedJpkiCard.myNumberCard());

        assertThat(((jp.madoguchi.card.internal.ReaderWatcher) watch).isStopped())
                .isTrue();
        assertThat(events).hasSize(delivered);
    }

    @Test
    void providerThatNeverBlocksDoesNotMakeTheWatchSpin() {
        scripted.addReader("Reader A");
        scripted.waitReturnsAtOnce = true;
        long started = System.nanoTime();
        try (CardWatch watch = readers.watch(events::add)) {
            await().atMost(WAIT).until(() -> scripted.listCalls() >= 5);
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        // Five listings need at least four pauses of the poll interval (250 ms) between them.
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(4 * 250 - 50);
        assertThat(scripted.waitCalls()).isLessThanOrEqualTo(scripted.listCalls() + 1);
    }

    @Test
    void failingListenerDoesNotEndTheWatch() {
        ScriptedReaders.Reader reader = scripted.addReader("Reader A");
        try (CardWatch watch = readers.watch(event -> {
            events.add(event);
            throw new IllegalStateException("listener bug");
        })) {
            await().atMost(WAIT).until(() -> !events.isEmpty());
            reader.insert(ScriptedJpkiCard.myNumberCard());
            await().atMost(WAIT).until(() -> events.contains(event(CARD_INSERTED, "Reader A")));
        }
    }
}
