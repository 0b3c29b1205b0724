package jp.madoguchi.card;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import javax.smartcardio.TerminalFactorySpi;
import jp.madoguchi.card.internal.ApduChannel;

/**
 * A fault-injecting javax.smartcardio provider for tests of the driver's adapter: readers that
 * come and go, cards that answer through an {@link ApduChannel}, go mute, or fail the way the
 * JDK's PC/SC provider reports failures (a {@link javax.smartcardio.CardException} whose message
 * names the PC/SC error, e.g. {@code SCARD_W_REMOVED_CARD}).
 */
final class ScriptedReaders {
    /** How a reader's card answers a transmit. */
    enum Fault {
        NONE,
        /** Never answers until {@link ScriptedReaders#releaseMute()}, interrupt or not. */
        MUTE,
        /** Throws an unchecked exception, as some providers do. */
        RUNTIME_EXCEPTION
    }

    private static final Provider PROVIDER = new ScriptedProvider();

    private final List<Reader> readers = new CopyOnWriteArrayList<>();
    private final Object changes = new Object();
    private final AtomicInteger listCalls = new AtomicInteger();
    private final AtomicInteger waitCalls = new AtomicInteger();
    private final CountDownLatch muteRelease = new CountDownLatch(1);
    private int changeCount;
    /** A PC/SC error name that list() fails with, e.g. SCARD_E_NO_SERVICE; null for none. */
    volatile String listFailure;
    /** Whether waitForChange returns at once, like a careless provider. */
    volatile boolean waitReturnsAtOnce;

    TerminalFactory factory() {
        try {
            return TerminalFactory.getInstance("Scripted", this, PROVIDER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Reader addReader(String name) {
        Reader reader = new Reader(name);
        readers.add(reader);
        changed();
        return reader;
    }

    void removeReader(Reader reader) {
        readers.remove(reader);
        reader.card = null;
        changed();
    }

    int listCalls() {
        return listCalls.get();
    }

    int waitCalls() {
        return waitCalls.get();
    }

    void releaseMute() {
        muteRelease.countDown();
    }

    /** Blocks like native PC/SC code: deaf to Thread.interrupt(). */
    private void awaitMuteRelease() {
        boolean interrupted = false;
        while (true) {
            try {
                muteRelease.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void changed() {
        synchronized (changes) {
            changeCount++;
            changes.notifyAll();
        }
    }

    /** One reader; {@link #insert} puts a card in it. */
    final class Reader extends CardTerminal {
        private final String name;
        volatile ApduChannel card;
        volatile Fault fault = Fault.NONE;
        /** Whether connect() blocks (deaf to interrupts) until {@link ScriptedReaders#releaseMute()}. */
        volatile boolean connectHangs;

        final List<Boolean> disconnects = new CopyOnWriteArrayList<>();
        final AtomicInteger transmits = new AtomicInteger();
        /** Calls that arrived while a transmit was still running (PC/SC forbids that on a context). */
        final AtomicInteger overlappingCalls = new AtomicInteger();

        final java.util.concurrent.atomic.AtomicBoolean transmitting = new java.util.concurrent.atomic.AtomicBoolean();
        /** The thread holding exclusive access (SCardBeginTransaction), as the JDK tracks it. */
        volatile Thread exclusiveThread;

        Reader(String name) {
            this.name = name;
        }

        void insert(ApduChannel answering) {
            card = answering;
            changed();
        }

        void remove() {
            card = null;
            changed();
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Card connect(String protocol) throws javax.smartcardio.CardException {
            ApduChannel inserted = card;
            if (inserted == null) {
                throw new CardNotPresentException("No card present");
            }
            if (connectHangs) {
                awaitMuteRelease();
            }
            return new ScriptedCard(this, inserted);
        }

        @Override
        public boolean isCardPresent() {
            return card != null;
        }

        @Override
        public boolean waitForCardPresent(long timeout) {
            throw new UnsupportedOperationException("the driver watches through CardTerminals");
        }

        @Override
        public boolean waitForCardAbsent(long timeout) {
            throw new UnsupportedOperationException("the driver watches through CardTerminals");
        }
    }

    private final class ScriptedCard extends Card {
        private final Reader reader;
        private final ApduChannel answering;
        private final ScriptedChannel channel = new ScriptedChannel(this);

        ScriptedCard(Reader reader, ApduChannel answering) {
            this.reader = reader;
            this.answering = answering;
        }

        @Override
        public ATR getATR() {
            return new ATR(new byte[] {
                0x3B,
                (byte) 0xC5,
                (byte) 0xFF,
                (byte) 0x81,
                0x31,
                (byte) 0xFB,
                0x45,
                (byte) 0x80,
                0x73,
                (byte) 0xC6,
                0x01,
                0x00,
                0x00
            });
        }

        @Override
        public String getProtocol() {
            return "T=1";
        }

        @Override
        public CardChannel getBasicChannel() {
            return channel;
        }

        @Override
        public CardChannel openLogicalChannel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void beginExclusive() {
            reader.exclusiveThread = Thread.currentThread();
        }

        @Override
        public void endExclusive() {
            reader.exclusiveThread = null;
        }

        @Override
        public byte[] transmitControlCommand(int controlCode, byte[] command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void disconnect(boolean reset) {
            reader.exclusiveThread = null;
            if (reader.transmitting.get()) {
                reader.overlappingCalls.incrementAndGet();
            }
            reader.disconnects.add(reset);
        }

        byte[] transmit(byte[] command) throws javax.smartcardio.CardException {
            if (!reader.transmitting.compareAndSet(false, true)) {
                reader.overlappingCalls.incrementAndGet();
            }
            try {
                return transmitNow(command);
            } finally {
                reader.transmitting.set(false);
            }
        }

        private byte[] transmitNow(byte[] command) throws javax.smartcardio.CardException {
            reader.transmits.incrementAndGet();
            Thread holder = reader.exclusiveThread;
            if (holder != null && holder != Thread.currentThread()) {
                // What the JDK's provider does when another thread uses an exclusively held card.
                throw new javax.smartcardio.CardException("Exclusive access not assigned to current Thread");
            }
            if (reader.card != answering) {
                throw new javax.smartcardio.CardException(
                        "sun.security.smartcardio.PCSCException: SCARD_W_REMOVED_CARD");
            }
            switch (reader.fault) {
                case MUTE:
                    awaitMuteRelease();
                    throw new javax.smartcardio.CardException("SCARD_E_TIMEOUT");
                case RUNTIME_EXCEPTION:
                    throw new IllegalStateException("provider bug");
                default:
                    return answering.transmit(command);
            }
        }
    }

    private static final class ScriptedChannel extends CardChannel {
        private final ScriptedCard card;

        ScriptedChannel(ScriptedCard card) {
            this.card = card;
        }

        @Override
        public Card getCard() {
            return card;
        }

        @Override
        public int getChannelNumber() {
            return 0;
        }

        @Override
        public ResponseAPDU transmit(CommandAPDU command) throws javax.smartcardio.CardException {
            return new ResponseAPDU(card.transmit(command.getBytes()));
        }

        @Override
        public int transmit(ByteBuffer command, ByteBuffer response) throws javax.smartcardio.CardException {
            byte[] bytes = new byte[command.remaining()];
            command.get(bytes);
            byte[] answer = card.transmit(bytes);
            response.put(answer);
            return answer.length;
        }

        @Override
        public void close() {
            throw new IllegalStateException("the basic channel cannot be closed");
        }
    }

    private final class Terminals extends CardTerminals {
        private int seen = -1;

        @Override
        public List<CardTerminal> list(State state) throws javax.smartcardio.CardException {
            listCalls.incrementAndGet();
            String failure = listFailure;
            if (failure != null) {
                throw new javax.smartcardio.CardException(
                        "list() failed", new javax.smartcardio.CardException(failure));
            }
            List<CardTerminal> result = new ArrayList<>();
            for (Reader reader : readers) {
                boolean present = reader.isCardPresent();
                if (state == State.ALL
                        || (state == State.CARD_PRESENT && present)
                        || (state == State.CARD_ABSENT && !present)) {
                    result.add(reader);
                }
            }
            return result;
        }

        @Override
        public boolean waitForChange(long timeout) throws javax.smartcardio.CardException {
            waitCalls.incrementAndGet();
            if (waitReturnsAtOnce) {
                return false;
            }
            synchronized (changes) {
                long deadline = System.currentTimeMillis() + (timeout == 0 ? Long.MAX_VALUE / 2 : timeout);
                while (seen == changeCount) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        return false;
                    }
                    try {
                        changes.wait(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                boolean first = seen < 0;
                seen = changeCount;
                return !first;
            }
        }
    }

    /** The SPI the JCA instantiates with the {@link ScriptedReaders} as its parameter. */
    public static final class Spi extends TerminalFactorySpi {
        private final ScriptedReaders readers;

        public Spi(Object parameter) {
            this.readers = (ScriptedReaders) parameter;
        }

        @Override
        protected CardTerminals engineTerminals() {
            return readers.new Terminals();
        }
    }

    private static final class ScriptedProvider extends Provider {
        private static final long serialVersionUID = 1L;

        ScriptedProvider() {
            super("MadoguchiScriptedReaders", "1.0", "fault-injecting readers for card-driver tests");
            put("TerminalFactory.Scripted", Spi.class.getName());
        }
    }
}
