package jp.madoguchi.kiosk.clerk;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.CardReader;
import jp.madoguchi.center.CenterException;
import jp.madoguchi.kiosk.clerk.DeviceDashboard.CardReaderPanel;
import jp.madoguchi.kiosk.clerk.DeviceDashboard.CenterLinkPanel;
import jp.madoguchi.kiosk.clerk.DeviceDashboard.CertificatePrinterPanel;
import jp.madoguchi.kiosk.clerk.DeviceDashboard.CoinLevel;
import jp.madoguchi.kiosk.clerk.DeviceDashboard.Health;
import jp.madoguchi.kiosk.clerk.DeviceDashboard.Level;
import jp.madoguchi.kiosk.clerk.DeviceDashboard.PaymentPanel;
import jp.madoguchi.kiosk.clerk.DeviceDashboard.ReceiptPrinterPanel;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.ipp.PrinterCondition;
import jp.madoguchi.printer.ipp.PrinterState;
import jp.madoguchi.printer.ipp.PrinterStatus;
import jp.madoguchi.printer.receipt.ReceiptPrinterStatus;

/**
 * Builds the {@link DeviceDashboard}: asks every device in parallel, each within {@code limit},
 * so one device that does not answer shows as a fault instead of freezing the clerk's screen.
 */
public final class DeviceDashboardProbe implements AutoCloseable {
    /** A round trip to the center slower than this shows as a warning. */
    static final long SLOW_CENTER_MILLIS = 1_500;

    private final ClerkDevices devices;
    private final ConfigurationSummary configuration;
    private final CoinBox coinBox;
    private final Clock clock;
    private final Duration limit;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "clerk-dashboard");
        t.setDaemon(true);
        return t;
    });

    public DeviceDashboardProbe(
            ClerkDevices devices, ConfigurationSummary configuration, CoinBox coinBox, Clock clock, Duration limit) {
        this.devices = devices;
        this.configuration = configuration;
        this.coinBox = coinBox;
        this.clock = clock;
        this.limit = limit;
    }

    /** Asks the devices now; returns within about {@code limit}. */
    public DeviceDashboard probe() {
        Future<CardReaderPanel> card = pool.submit(this::cardReader);
        Future<CenterLinkPanel> center = pool.submit(this::centerLink);
        Future<CertificatePrinterPanel> printer = pool.submit(this::certificatePrinter);
        Future<ReceiptPrinterPanel> receipt = pool.submit(this::receiptPrinter);
        long deadline = System.nanoTime() + limit.toNanos();
        return new DeviceDashboard(
                clock.instant(),
                await(card, deadline, code -> new CardReaderPanel(Health.FAULT, List.of(), false, Optional.of(code))),
                await(center, deadline, code -> new CenterLinkPanel(Health.FAULT, -1, Optional.of(code))),
                await(
                        printer,
                        deadline,
                        code -> new CertificatePrinterPanel(
                                Health.FAULT,
                                PrinterState.UNREACHABLE,
                                Level.UNKNOWN,
                                Level.UNKNOWN,
                                List.of(),
                                Optional.of(code))),
                await(
                        receipt,
                        deadline,
                        code -> new ReceiptPrinterPanel(Health.FAULT, false, Level.UNKNOWN, false, Optional.of(code))),
                payment(),
                devices.softwareVersion(),
                configuration);
    }

    private CardReaderPanel cardReader() {
        try {
            List<CardReader> readers = devices.cardReaders().list();
            boolean present = readers.stream().anyMatch(CardReader::cardPresent);
            return new CardReaderPanel(
                    readers.isEmpty() ? Health.FAULT : Health.OK,
                    readers.stream().map(CardReader::name).toList(),
                    present,
                    readers.isEmpty() ? Optional.of(new Code("NO_READER")) : Optional.empty());
        } catch (CardException e) {
            return new CardReaderPanel(
                    Health.FAULT, List.of(), false, Optional.of(Code.of(e.code().name())));
        }
    }

    private CenterLinkPanel centerLink() {
        long started = System.nanoTime();
        try {
            devices.center().requestChallenge();
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new CenterLinkPanel(
                    millis > SLOW_CENTER_MILLIS ? Health.WARNING : Health.OK, millis, Optional.empty());
        } catch (CenterException e) {
            return new CenterLinkPanel(
                    Health.FAULT, -1, Optional.of(Code.of(e.code().name())));
        }
    }

    private CertificatePrinterPanel certificatePrinter() {
        PrinterStatus status = devices.certificatePrinter().status();
        Set<PrinterCondition> conditions = status.conditionSet();
        Level paper = conditions.contains(PrinterCondition.MEDIA_EMPTY)
                ? Level.EMPTY
                : conditions.contains(PrinterCondition.MEDIA_LOW) ? Level.LOW : Level.OK;
        Level toner = conditions.contains(PrinterCondition.TONER_EMPTY)
                ? Level.EMPTY
                : conditions.contains(PrinterCondition.TONER_LOW) ? Level.LOW : Level.OK;
        if (status.state() == PrinterState.UNREACHABLE) {
            paper = Level.UNKNOWN;
            toner = Level.UNKNOWN;
        }
        Optional<Code> blocking = status.blockingProblem().map(c -> Code.of(c.name()));
        Health health = blocking.isPresent()
                ? Health.FAULT
                : paper == Level.LOW || toner == Level.LOW ? Health.WARNING : Health.OK;
        return new CertificatePrinterPanel(
                health,
                status.state(),
                paper,
                toner,
                conditions.stream().map(Enum::name).sorted().toList(),
                blocking);
    }

    private ReceiptPrinterPanel receiptPrinter() {
        try {
            ReceiptPrinterStatus s = devices.receiptPrinter().status();
            Level paper = s.paperEnd() ? Level.EMPTY : s.paperNearEnd() ? Level.LOW : Level.OK;
            Optional<Code> blocking = s.blockingProblem().map(c -> Code.of(c.name()));
            Health health = blocking.isPresent() ? Health.FAULT : paper == Level.LOW ? Health.WARNING : Health.OK;
            return new ReceiptPrinterPanel(health, s.online(), paper, s.coverOpen(), blocking);
        } catch (PrinterException e) {
            return new ReceiptPrinterPanel(
                    Health.FAULT,
                    false,
                    Level.UNKNOWN,
                    false,
                    Optional.of(Code.of(e.code().name())));
        }
    }

    private PaymentPanel payment() {
        List<CoinLevel> hoppers = new ArrayList<>(devices.hoppers().get());
        boolean empty = hoppers.stream().anyMatch(h -> h.level() == Level.EMPTY);
        boolean low = hoppers.stream().anyMatch(h -> h.level() == Level.LOW);
        return new PaymentPanel(
                empty ? Health.FAULT : low ? Health.WARNING : Health.OK,
                devices.paymentDevice(),
                hoppers,
                coinBox.expected());
    }

    private interface Fallback<T> {
        T of(Code code);
    }

    private static <T> T await(Future<T> future, long deadlineNanos, Fallback<T> fallback) {
        try {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            return future.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return fallback.of(new Code("NO_ANSWER"));
        } catch (ExecutionException e) {
            return fallback.of(new Code("PROBE_FAILED"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback.of(new Code("INTERRUPTED"));
        }
    }

    /** The level of a hopper holding {@code coins}: empty at 0, low under 10. */
    public static Level hopperLevel(int coins) {
        return coins < 0 ? Level.UNKNOWN : coins == 0 ? Level.EMPTY : coins < 10 ? Level.LOW : Level.OK;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
