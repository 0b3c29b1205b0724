package jp.madoguchi.kiosk;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.madoguchi.card.CardReaders;
import jp.madoguchi.card.CardWatch;
import jp.madoguchi.center.CenterClient;
import jp.madoguchi.kiosk.config.KioskConfig;
import jp.madoguchi.kiosk.config.KioskConfig.Source;
import jp.madoguchi.kiosk.hours.ServiceHours;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.payment.CashAcceptor;
import jp.madoguchi.kiosk.payment.ChangeDispenser;
import jp.madoguchi.kiosk.payment.CoinHopper;
import jp.madoguchi.kiosk.payment.CounterPaymentDesk;
import jp.madoguchi.kiosk.payment.SimulatedCashAcceptor;
import jp.madoguchi.kiosk.payment.SimulatedCoinHopper;
import jp.madoguchi.kiosk.payment.gpio.GpioCoinHopper;
import jp.madoguchi.kiosk.payment.gpio.PulseCoinAcceptor;
import jp.madoguchi.kiosk.printing.SimulatedCertificatePrinter;
import jp.madoguchi.kiosk.printing.SimulatedReceiptPrinter;
import jp.madoguchi.kiosk.transaction.EngineDevices;
import jp.madoguchi.kiosk.transaction.EngineSettings;
import jp.madoguchi.kiosk.transaction.RecoveryReport;
import jp.madoguchi.kiosk.transaction.StartupRecovery;
import jp.madoguchi.kiosk.transaction.TransactionEngine;
import jp.madoguchi.printer.ipp.CertificatePrinter;
import jp.madoguchi.printer.ipp.IppCertificatePrinter;
import jp.madoguchi.printer.ipp.IppPrinterSettings;
import jp.madoguchi.printer.receipt.EscPosLink;
import jp.madoguchi.printer.receipt.EscPosReceiptPrinter;
import jp.madoguchi.printer.receipt.ReceiptPrinter;
import jp.madoguchi.printer.receipt.RefundVoucher;
import jp.madoguchi.printer.seal.AntiForgeryOverlay;
import jp.madoguchi.printer.seal.LocalKeySealSigner;
import jp.madoguchi.printer.seal.SealSigner;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.Cardholder;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.card.smartcardio.SimulatedTerminals;
import jp.madoguchi.sim.center.CenterSimulator;
import jp.madoguchi.sim.resident.CatalogueCardholders;
import jp.madoguchi.sim.resident.ResidentCatalogue;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition root: builds a whole kiosk from a {@link KioskConfig} — journal, card
 * reader (in-process simulated card or PC/SC), center (in-process simulator on loopback port 0,
 * or a remote center), certificate printer (simulated or IPP), receipt printer (simulated or
 * ESC/POS over TCP or a device file), payment (simulated, GPIO or pay-at-the-counter) — runs
 * start-up recovery, and hands out the engine. Nothing is static: two assemblies are two
 * independent kiosks (the bench runs many side by side against one center).
 */
public final class KioskAssembly implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskAssembly.class);

    /**
     * What the configuration file does not say.
     *
     * @param dataDir where the journal lives (overrides {@code kiosk.dataDir}); null for the config's
     * @param simulatorDir where simulators keep their PKI and registry; null for {@code dataDir/sim}
     * @param clock the kiosk's clock (and the in-process center's)
     * @param settings the engine's limits
     * @param certificatePrinterUri an IPP printer to use instead of the configured one; null for none
     * @param sharedCenter a running center simulator to use (not closed here); null to start one
     * @param sharedCardIssuer a card issuer to reuse (its keys are cached); null for a new one
     */
    public record Options(
            Path dataDir,
            Path simulatorDir,
            Clock clock,
            EngineSettings settings,
            String certificatePrinterUri,
            CenterSimulator sharedCenter,
            CardIssuer sharedCardIssuer) {
        public Options {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(settings, "settings");
        }

        public static Options defaults() {
            return new Options(null, null, Clock.systemUTC(), EngineSettings.defaults(), null, null, null);
        }

        public Options withDataDir(Path dir) {
            return new Options(
                    dir, simulatorDir, clock, settings, certificatePrinterUri, sharedCenter, sharedCardIssuer);
        }

        public Options withSimulatorDir(Path dir) {
            return new Options(dataDir, dir, clock, settings, certificatePrinterUri, sharedCenter, sharedCardIssuer);
        }

        public Options withClock(Clock value) {
            return new Options(
                    dataDir, simulatorDir, value, settings, certificatePrinterUri, sharedCenter, sharedCardIssuer);
        }

        public Options withSettings(EngineSettings value) {
            return new Options(
                    dataDir, simulatorDir, clock, value, certificatePrinterUri, sharedCenter, sharedCardIssuer);
        }

        public Options withCertificatePrinter(String uri) {
            return new Options(dataDir, simulatorDir, clock, settings, uri, sharedCenter, sharedCardIssuer);
        }

        public Options withSharedCenter(CenterSimulator center, CardIssuer issuer) {
            return new Options(dataDir, simulatorDir, clock, settings, certificatePrinterUri, center, issuer);
        }
    }

    private final List<AutoCloseable> owned = new ArrayList<>();
    private final String kioskId;
    private final java.time.Clock clock;
    private final Journal journal;
    private final TransactionEngine engine;
    private final List<RecoveryReport> recovery;
    private final CenterClient centerClient;
    private CenterSimulator center;
    private CardIssuer cardIssuer;
    private CardSlot cardSlot;
    private java.util.concurrent.CompletableFuture<SimulatedCard> residentCardIssuing;
    private SimulatedCashAcceptor cashAcceptor;
    private CounterPaymentDesk counterDesk;
    private final List<SimulatedCoinHopper> hoppers = new ArrayList<>();
    private SimulatedCertificatePrinter simulatedPrinter;
    private SimulatedReceiptPrinter simulatedReceipts;
    private Path journalFile;
    private jp.madoguchi.kiosk.clerk.ClerkMode clerkMode;
    private jp.madoguchi.kiosk.counter.CounterLane counterLane;

    private KioskAssembly(KioskConfig config, Options options) {
        this.kioskId = config.kiosk().id();
        this.clock = options.clock();
        Path dataDir =
                options.dataDir() != null ? options.dataDir() : config.kiosk().dataDir();
        Path simDir = options.simulatorDir() != null ? options.simulatorDir() : dataDir.resolve("sim");
        // Independent parts start side by side: the journal (SQLite, migrations) and the overlay's
        // seal key and glyphs on their own threads while this one starts the center and the card.
        java.util.concurrent.CompletableFuture<Journal> journalOpening =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> Journal.open(dataDir.resolve("journal.db"), kioskId, options.clock()),
                        KioskAssembly::startThread);
        java.util.concurrent.CompletableFuture<AntiForgeryOverlay> overlayMaking =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> new AntiForgeryOverlay(
                                sealSigner(),
                                jp.madoguchi.printer.seal.ScrambleKey.generate(new java.security.SecureRandom())),
                        KioskAssembly::startThread);
        try {
            this.journalFile = dataDir.resolve("journal.db");
            this.centerClient = own(buildCenter(config, options, simDir));
            CardReaders readers = buildCard(config, options, simDir);
            CertificatePrinter printer = buildCertificatePrinter(config, options);
            ReceiptPrinter receipts = buildReceiptPrinter(config);
            this.journal = joinStarted(journalOpening);
            owned.add(0, journal); // closed last, as if opened first
            AntiForgeryOverlay overlay = own(joinStarted(overlayMaking));
            CashAcceptor acceptor;
            ChangeDispenser dispenser;
            switch (config.payment().device()) {
                case SIMULATED -> {
                    cashAcceptor = new SimulatedCashAcceptor();
                    for (long coin : new long[] {500, 100, 50, 10}) {
                        hoppers.add(new SimulatedCoinHopper(Yen.of(coin), 50));
                    }
                    acceptor = cashAcceptor;
                    dispenser = new ChangeDispenser(List.copyOf(hoppers));
                }
                case COUNTER -> {
                    counterDesk = new CounterPaymentDesk();
                    acceptor = counterDesk;
                    dispenser = counterDesk.till();
                }
                case GPIO -> {
                    Context pi4j = Pi4J.newAutoContext();
                    owned.add(pi4j::shutdown);
                    KioskConfig.Payment.Gpio g = config.payment().gpio();
                    acceptor = own(new PulseCoinAcceptor(
                            pi4j,
                            new PulseCoinAcceptor.Wiring(
                                    g.coinSignalPin(),
                                    g.coinInhibitPin(),
                                    Yen.of(g.coinPulseYen()),
                                    Duration.ofMillis(150))));
                    List<CoinHopper> gpioHoppers = List.of(new GpioCoinHopper(
                            pi4j,
                            new GpioCoinHopper.Wiring(
                                    g.hopperMotorPin(),
                                    g.hopperSensorPin(),
                                    Yen.of(g.hopperCoinYen()),
                                    Duration.ofSeconds(2))));
                    dispenser = new ChangeDispenser(gpioHoppers);
                }
                default -> throw new IllegalStateException("unknown payment device");
            }
            jp.madoguchi.kiosk.transaction.FeeCollection feeCollection =
                    jp.madoguchi.kiosk.transaction.FeeCollection.AT_THE_KIOSK;
            if (counterDesk != null && config.kiosk().deployment() == KioskConfig.Deployment.COUNTER) {
                counterLane = new jp.madoguchi.kiosk.counter.CounterLane(
                        kioskId,
                        config.counter().ticketPrefix().charAt(0),
                        config.counter().window(),
                        Duration.ofMinutes(config.counter().paymentWaitMinutes()),
                        receipts,
                        counterDesk,
                        options.clock());
                feeCollection = counterLane;
            }
            EngineSettings settings = options.settings();
            if (config.ledger().operatorShareYen() != settings.operatorShare().amount()) {
                settings = new EngineSettings(
                        settings.residentTimeout(),
                        settings.printTimeLimit(),
                        Yen.of(config.ledger().operatorShareYen()),
                        settings.receiptHeader());
            }
            this.recovery = new StartupRecovery(
                            journal,
                            this::voidAtCenter,
                            (id, amount) -> receipts.print(new RefundVoucher(
                                    id.value() + "-R",
                                    id.value(),
                                    java.time.LocalDateTime.now(
                                            options.clock().withZone(java.time.ZoneId.of("Asia/Tokyo"))),
                                    Math.toIntExact(amount.amount()),
                                    "停電等で取引が中断したため")))
                    .recover();
            if (!recovery.isEmpty()) {
                LOG.warn("start-up recovery ended {} open transactions", recovery.size());
            }
            this.engine = own(new TransactionEngine(
                    kioskId,
                    new EngineDevices(
                            readers,
                            config.card().source() == Source.REAL
                                    ? config.card().readerName()
                                    : "",
                            centerClient,
                            printer,
                            overlay,
                            receipts,
                            acceptor,
                            dispenser,
                            feeCollection),
                    journal,
                    hours(config),
                    options.clock(),
                    settings));
            if (config.card().source() == Source.REAL) {
                // A real reader reports insertions and removals itself; the simulated slot is driven by the caller.
                CardWatch watch = readers.watch(event -> {
                    switch (event.type()) {
                        case CARD_INSERTED -> engine.cardInserted();
                        case CARD_REMOVED -> engine.cardRemoved();
                        default -> {}
                    }
                });
                owned.add(watch);
            }
            this.clerkMode = own(buildClerkMode(config, dataDir, readers, printer, receipts, options.clock()));
        } catch (RuntimeException e) {
            closeStarted(journalOpening);
            closeStarted(overlayMaking);
            closeStarted(residentCardIssuing);
            close();
            throw e;
        }
    }

    private static void startThread(Runnable task) {
        Thread t = new Thread(task, "kiosk-start");
        t.setDaemon(true);
        t.start();
    }

    /** The result of a part started on its own thread; its failure as if it had failed here. */
    private static <T> T joinStarted(java.util.concurrent.CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Closes what a part started on its own thread made, when the assembly fails before owning it. */
    private void closeStarted(java.util.concurrent.CompletableFuture<?> part) {
        if (part == null) {
            return;
        }
        try {
            Object made = part.join();
            if (made instanceof AutoCloseable c && !owned.contains(c)) {
                c.close();
            }
        } catch (Exception e) {
            // it failed itself, or the assembly's own failure is the one to report
        }
    }

    /** Builds a kiosk; the caller closes it. */
    public static KioskAssembly build(KioskConfig config, Options options) {
        return new KioskAssembly(config, options);
    }

    public String kioskId() {
        return kioskId;
    }

    public TransactionEngine engine() {
        return engine;
    }

    public Journal journal() {
        return journal;
    }

    /** What start-up recovery did before the engine started. */
    public List<RecoveryReport> recovery() {
        return recovery;
    }

    /** The in-process center simulator, when the center is simulated. */
    public Optional<CenterSimulator> centerSimulator() {
        return Optional.ofNullable(center);
    }

    /** The simulated card slot (insert, remove, swap cards), when the card is simulated. */
    public Optional<CardSlot> cardSlot() {
        return Optional.ofNullable(cardSlot);
    }

    /** The configured resident's simulated card (PIN 1234), when the card is simulated. */
    public Optional<SimulatedCard> residentCard() {
        return residentCardIssuing == null ? Optional.empty() : Optional.of(joinStarted(residentCardIssuing));
    }

    /** Issues more simulated cards (other residents, other PINs), when the card is simulated. */
    public Optional<CardIssuer> cardIssuer() {
        return Optional.ofNullable(cardIssuer);
    }

    public Optional<SimulatedCashAcceptor> cashAcceptor() {
        return Optional.ofNullable(cashAcceptor);
    }

    public Optional<CounterPaymentDesk> counterDesk() {
        return Optional.ofNullable(counterDesk);
    }

    /** The simulated change hoppers (500, 100, 50, 10 yen), largest first. */
    public List<SimulatedCoinHopper> hoppers() {
        return List.copyOf(hoppers);
    }

    public Optional<SimulatedCertificatePrinter> simulatedPrinter() {
        return Optional.ofNullable(simulatedPrinter);
    }

    public Optional<SimulatedReceiptPrinter> simulatedReceipts() {
        return Optional.ofNullable(simulatedReceipts);
    }

    /** Clerk mode's services over this kiosk's journal and devices. */
    public jp.madoguchi.kiosk.clerk.ClerkMode clerkMode() {
        return clerkMode;
    }

    /** The terminal's side of the counter deployment (受付票 and staff confirmation), when deployed at a counter. */
    public Optional<jp.madoguchi.kiosk.counter.CounterLane> counterLane() {
        return Optional.ofNullable(counterLane);
    }

    /** The journal's SQLite file. */
    /** The clock the kiosk runs on (the demo's may be simulated). */
    public java.time.Clock clock() {
        return clock;
    }

    public Path journalFile() {
        return journalFile;
    }

    private jp.madoguchi.kiosk.clerk.ClerkMode buildClerkMode(
            KioskConfig config,
            Path dataDir,
            CardReaders readers,
            CertificatePrinter printer,
            ReceiptPrinter receipts,
            Clock clock) {
        Optional<jp.madoguchi.kiosk.clerk.ClerkPinHash> pin;
        try {
            pin = new jp.madoguchi.kiosk.clerk.ClerkPinFile(dataDir).read();
        } catch (KioskException e) {
            LOG.warn("clerk PIN unusable, only the maintenance key opens clerk mode: {}", e.getMessage());
            pin = Optional.empty();
        }
        String version = KioskAssembly.class.getPackage().getImplementationVersion();
        jp.madoguchi.kiosk.clerk.ClerkDevices devices = new jp.madoguchi.kiosk.clerk.ClerkDevices(
                readers,
                centerClient,
                printer,
                receipts,
                config.payment().device().name(),
                () -> hopperLevels(config),
                (kind, sheets) -> {
                    if (kind == jp.madoguchi.kiosk.clerk.PrinterKind.CERTIFICATE && simulatedPrinter != null) {
                        simulatedPrinter.loadPaper(sheets);
                    } else if (kind == jp.madoguchi.kiosk.clerk.PrinterKind.RECEIPT && simulatedReceipts != null) {
                        simulatedReceipts.paperEnd(false);
                    }
                },
                "Madoguchi " + (version != null ? version : "0.1.0-SNAPSHOT"));
        jp.madoguchi.kiosk.clerk.ClerkMode mode =
                jp.madoguchi.kiosk.clerk.ClerkMode.open(journal, journalFile, config, devices, pin, clock);
        if (config.clerk().keySwitchPin() != 0) {
            Context keyContext = Pi4J.newAutoContext();
            owned.add(keyContext::shutdown);
            owned.add(new jp.madoguchi.kiosk.clerk.MaintenanceKeySwitch(
                    keyContext, config.clerk().keySwitchPin(), mode.access()::keySwitch));
        }
        return mode;
    }

    private List<jp.madoguchi.kiosk.clerk.DeviceDashboard.CoinLevel> hopperLevels(KioskConfig config) {
        if (config.payment().device() == KioskConfig.Payment.PaymentDevice.GPIO) {
            return List.of(new jp.madoguchi.kiosk.clerk.DeviceDashboard.CoinLevel(
                    Yen.of(config.payment().gpio().hopperCoinYen()),
                    -1,
                    jp.madoguchi.kiosk.clerk.DeviceDashboard.Level.UNKNOWN));
        }
        return hoppers.stream()
                .map(h -> new jp.madoguchi.kiosk.clerk.DeviceDashboard.CoinLevel(
                        h.denomination(),
                        h.coins(),
                        jp.madoguchi.kiosk.clerk.DeviceDashboardProbe.hopperLevel(h.coins())))
                .toList();
    }

    private CenterClient buildCenter(KioskConfig config, Options options, Path simDir) {
        if (config.center().source() == Source.REAL) {
            CenterTrustDirectory trust =
                    CenterTrustDirectory.read(config.center().trustDir(), kioskId);
            return CenterClient.builder()
                    .baseUrl(config.center().url())
                    .credentials(trust.credentials())
                    .pinnedCenterCa(trust.centerCa())
                    .sessionTimeout(Duration.ofSeconds(config.center().timeoutSeconds()))
                    .build();
        }
        if (options.sharedCenter() != null) {
            center = options.sharedCenter();
        } else {
            center = own(CenterSimulator.builder(simDir).clock(options.clock()).start());
        }
        return CenterClient.builder()
                .baseUrl(center.baseUrl())
                .credentials(center.kioskCredentials(kioskId))
                .pinnedCenterCa(center.centerCa())
                .sessionTimeout(Duration.ofSeconds(config.center().timeoutSeconds()))
                .build();
    }

    private CardReaders buildCard(KioskConfig config, Options options, Path simDir) {
        if (config.card().source() == Source.REAL) {
            return CardReaders.pcsc();
        }
        // With a real (separately started) center simulator, the card's JPKI CA is the one beside its trust
        // directory, unless the caller names the simulator's directory.
        Path cardPki = center == null
                        && options.simulatorDir() == null
                        && config.center().trustDir() != null
                ? config.center().trustDir().toAbsolutePath().getParent()
                : simDir;
        cardIssuer = options.sharedCardIssuer() != null
                ? options.sharedCardIssuer()
                // the center has just read this PKI: no second parse of its keys
                : center != null && cardPki.equals(simDir) ? new CardIssuer(center.pki()) : CardIssuer.open(cardPki);
        String residentId = config.card().simulatedResident();
        CardIssuer issuer = cardIssuer;
        CenterSimulator simulator = center;
        // The resident's card (catalogue look-up, two RSA keys) is made on its own thread: nothing
        // at start-up needs it, only whoever inserts it later (residentCard() waits for it).
        residentCardIssuing = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    Cardholder holder = (simulator != null ? simulator.catalogue() : new ResidentCatalogue())
                            .find(residentId)
                            .map(CatalogueCardholders::cardholderOf)
                            .orElseGet(() -> Cardholder.placeholder(residentId));
                    return issuer.issue(holder);
                },
                KioskAssembly::startThread);
        cardSlot = new CardSlot("Simulated Reader " + kioskId);
        return CardReaders.over(SimulatedTerminals.of(cardSlot).terminalFactory());
    }

    private CertificatePrinter buildCertificatePrinter(KioskConfig config, Options options) {
        String uri = options.certificatePrinterUri() != null
                ? options.certificatePrinterUri()
                : config.printers().certificateSource() == Source.REAL
                        ? config.printers().certificateUri()
                        : null;
        if (uri != null && !uri.isBlank()) {
            return new IppCertificatePrinter(IppPrinterSettings.forPrinter(URI.create(uri)));
        }
        simulatedPrinter = new SimulatedCertificatePrinter(500);
        return simulatedPrinter;
    }

    private ReceiptPrinter buildReceiptPrinter(KioskConfig config) {
        if (config.printers().receiptSource() == Source.REAL) {
            String address = config.printers().receiptAddress();
            if (address.startsWith("tcp://")) {
                URI uri = URI.create(address);
                return new EscPosReceiptPrinter(
                        EscPosLink.tcp(uri.getHost(), uri.getPort() < 0 ? 9100 : uri.getPort(), Duration.ofSeconds(3)),
                        Duration.ofSeconds(2));
            }
            return new EscPosReceiptPrinter(
                    EscPosLink.device(Path.of(address), Duration.ofSeconds(3)), Duration.ofSeconds(2));
        }
        simulatedReceipts = new SimulatedReceiptPrinter();
        return simulatedReceipts;
    }

    private boolean voidAtCenter(String sessionId, String issuanceId, List<String> printedDocuments) {
        try {
            if (issuanceId != null) {
                centerClient.reportOutcome(issuanceId, printedDocuments, List.of());
            }
            centerClient.closeSession(sessionId);
            return true;
        } catch (jp.madoguchi.center.CenterException e) {
            LOG.warn("recovery could not reach the center: {}", e.code());
            return false;
        }
    }

    private static ServiceHours hours(KioskConfig config) {
        ServiceHours standard = ServiceHours.standard();
        ServiceHours configured = new ServiceHours(
                standard.zone(),
                config.hours().opens(),
                config.hours().closes(),
                standard.yearEndStopFrom(),
                standard.yearEndStopTo(),
                List.of());
        return config.hours().yearEndStop() ? configured : configured.withoutYearEndStop();
    }

    /**
     * The simulated issuer's seal key: generated per run (verifiers of simulated paper trust the
     * certificate this kiosk was started with). A real kiosk gets seals signed by the center.
     */
    private static SealSigner sealSigner() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Simulated issuance center seal,O=Madoguchi simulators");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    BigInteger.valueOf(now.toEpochMilli()),
                                    Date.from(now.minus(1, ChronoUnit.DAYS)),
                                    Date.from(now.plus(3650, ChronoUnit.DAYS)),
                                    name,
                                    pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new LocalKeySealSigner(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the simulated seal key: " + e.getMessage(), e);
        }
    }

    private <T extends AutoCloseable> T own(T closeable) {
        owned.add(closeable);
        return closeable;
    }

    /** Stops the engine and closes every device and simulator this assembly started, newest first. */
    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", owned.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        owned.clear();
    }
}
