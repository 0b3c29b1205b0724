package jp.madoguchi.card;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import jp.madoguchi.card.internal.JpkiSession;
import jp.madoguchi.card.internal.ReaderWatcher;
import jp.madoguchi.card.internal.SmartcardioChannel;
import jp.madoguchi.card.internal.TerminalListing;
import jp.madoguchi.card.internal.TerminalSource;

/**
 * The card readers of one {@link TerminalFactory}: the system's PC/SC service ({@link #pcsc()}),
 * or any other factory such as the card simulator's in-process one ({@link #over}). Lists
 * readers, opens {@link JpkiCard} sessions and watches for cards and readers coming and going.
 * Immutable; the {@code with...} methods return adjusted copies.
 *
 * <pre>{@code
 * CardReaders readers = CardReaders.pcsc();
 * try (JpkiCard card = readers.openFirstCard()) {
 *     X509Certificate certificate = card.readAuthCertificate();
 *     int tries = card.authPinTriesLeft();
 *     card.verifyAuthPin(pin);
 *     byte[] signature = card.signWithAuthKey(sha256);
 * }
 * }</pre>
 */
public final class CardReaders {
    /** Default limit for one card or reader call: a My Number card signs in well under a second. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration WATCH_POLL_INTERVAL = Duration.ofMillis(250);

    private final TerminalSource source;
    private final Duration responseTimeout;
    private final boolean shortReadsOnly;

    private CardReaders(TerminalSource source, Duration responseTimeout, boolean shortReadsOnly) {
        this.source = source;
        this.responseTimeout = responseTimeout;
        this.shortReadsOnly = shortReadsOnly;
    }

    /**
     * The readers of the system's PC/SC service (pcscd). Nothing is contacted until first use;
     * then {@link CardErrorCode#READER_UNAVAILABLE} says how to start or install pcscd.
     */
    public static CardReaders pcsc() {
        return new CardReaders(TerminalSource.pcsc(), DEFAULT_RESPONSE_TIMEOUT, false);
    }

    /** The readers of {@code factory}, e.g. the card simulator's in-process terminal factory. */
    public static CardReaders over(TerminalFactory factory) {
        return new CardReaders(TerminalSource.of(factory), DEFAULT_RESPONSE_TIMEOUT, false);
    }

    /**
     * How long one card or reader call may take before the card counts as not responding and
     * its session is disconnected ({@link CardErrorCode#CARD_NOT_RESPONDING}).
     */
    public CardReaders withResponseTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the response timeout must be positive, got " + timeout);
        }
        return new CardReaders(source, timeout, shortReadsOnly);
    }

    /**
     * Read files in 256-byte short READ BINARY chunks, never trying extended length: for readers
     * that mishandle extended APDUs (the driver otherwise finds out by itself, at the cost of one
     * APDU per session).
     */
    public CardReaders withShortReadsOnly() {
        return new CardReaders(source, responseTimeout, true);
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** The readers connected now, with whether each holds a card. */
    public List<CardReader> list() {
        return call(() -> {
            List<CardReader> readers = new ArrayList<>();
            for (CardTerminal terminal : terminalsList(source.terminals())) {
                readers.add(new CardReader(terminal.getName(), TerminalListing.cardPresent(terminal)));
            }
            return List.copyOf(readers);
        });
    }

    /**
     * Opens a session with the card in the named reader.
     *
     * @throws CardException {@link CardErrorCode#READER_NOT_FOUND}, {@link CardErrorCode#NO_CARD},
     *     {@link CardErrorCode#READER_UNAVAILABLE}, {@link CardErrorCode#CARD_NOT_RESPONDING}
     */
    public JpkiCard open(String readerName) {
        Objects.requireNonNull(readerName, "readerName");
        CardTerminal terminal = call(() -> {
            for (CardTerminal candidate : terminalsList(source.terminals())) {
                if (candidate.getName().equals(readerName)) {
                    return candidate;
                }
            }
            return null;
        });
        if (terminal == null) {
            List<String> names = list().stream().map(CardReader::name).toList();
            throw new CardException(
                    CardErrorCode.READER_NOT_FOUND,
                    "no reader named '" + readerName + "' is connected; connected readers: "
                            + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        SmartcardioChannel channel = SmartcardioChannel.connect(terminal, readerName, responseTimeout);
        return new JpkiSession(readerName, channel.atr(), channel, shortReadsOnly);
    }

    /**
     * Opens a session with the card in the first reader that holds one.
     *
     * @throws CardException {@link CardErrorCode#NO_READER} or {@link CardErrorCode#NO_CARD}
     */
    public JpkiCard openFirstCard() {
        List<CardReader> readers = list();
        if (readers.isEmpty()) {
            throw new CardException(
                    CardErrorCode.NO_READER,
                    "no card reader is connected; plug in the reader (or start the simulator)");
        }
        for (CardReader reader : readers) {
            if (reader.cardPresent()) {
                return open(reader.name());
            }
        }
        throw new CardException(
                CardErrorCode.NO_CARD,
                "no card in any reader (" + readers.size() + " connected); insert the My Number card");
    }

    /**
     * Watches the readers on one daemon thread until the returned watch is closed, delivering
     * {@link CardEvent}s to {@code listener} on that thread. The first events describe what is
     * connected now (READER_ADDED, then CARD_INSERTED for readers holding a card). If the PC/SC
     * service goes away every reader is reported lost; the watch keeps looking for it.
     */
    public CardWatch watch(Consumer<CardEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        return ReaderWatcher.start(source, listener, WATCH_POLL_INTERVAL, responseTimeout);
    }

    private static List<CardTerminal> terminalsList(CardTerminals terminals) throws javax.smartcardio.CardException {
        return TerminalListing.list(terminals);
    }

    private <T> T call(Callable<T> call) {
        return TerminalListing.bounded(call, responseTimeout);
    }
}
