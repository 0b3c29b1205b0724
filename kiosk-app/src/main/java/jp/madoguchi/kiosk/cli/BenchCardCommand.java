package jp.madoguchi.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.CardReader;
import jp.madoguchi.card.CardReaders;
import jp.madoguchi.card.JpkiCard;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.CardSimException;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.Cardholder;
import jp.madoguchi.sim.card.smartcardio.SimulatedTerminals;
import jp.madoguchi.sim.card.vpcd.VpcdClient;
import jp.madoguchi.sim.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk bench card}: APDU count and time of the kiosk's card path (recognise the card,
 * read the auth certificate, PIN tries, verify, sign) against the simulated My Number card, with
 * the driver's extended-length reads and with naive 256-byte chunked reads; in-process, and with
 * {@code --vpcd} through pcscd + vpcd as a real PC/SC reader.
 */
@Command(
        name = "card",
        mixinStandardHelpOptions = true,
        description = {
            "Times 'recognise + read auth certificate + tries + verify + sign' on a simulated My Number card,"
                    + " with the kiosk's reads (one extended READ BINARY per file) and with naive 256-byte"
                    + " chunks; in-process, and with --vpcd also through pcscd + vpcd.",
            "Exit code 1 if through vpcd the kiosk path does not use fewer APDUs than the naive one."
        })
public final class BenchCardCommand implements Callable<Integer> {
    private static final String PIN = "1234";
    private static final int FIRST_VPCD_PORT = VpcdClient.DEFAULT_PORT;

    @Spec
    CommandSpec spec;

    @Option(names = "--vpcd", description = "Also run through pcscd + vpcd (needs pcscd with vsmartcard-vpcd).")
    boolean vpcd;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "35963",
            description = "vpcd port of the reader to use (default ${DEFAULT-VALUE} = \"Virtual PCD 00 00\").")
    int port;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "30",
            description = "Measured rounds per row (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "5",
            description = "Unmeasured rounds first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Simulator data directory with the JPKI CAs in DIR/pki (default $HOME/.madoguchi/sim).")
    Path dataDir;

    /** One measured row. */
    private record Row(String path, String transport, long apdus, List<Long> micros) {
        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(null);
            return sorted.get(Math.min(sorted.size() - 1, (sorted.size() * p) / 100));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rounds < 1 || warmup < 0) {
            err.println("kiosk bench card: --rounds must be at least 1 and --warmup at least 0");
            return 2;
        }
        try {
            CardIssuer issuer =
                    CardIssuer.open(dataDir != null ? dataDir : CardInfoCommand.CardSource.defaultSimulatorData());
            out.println("Simulated My Number card of resident R0001; " + warmup + " warm-up and " + rounds
                    + " measured rounds per row; a round = open session, recognise, read auth certificate,"
                    + " tries, verify PIN, sign, close.");
            out.flush();
            List<Row> rows = new ArrayList<>();

            CardSlot inProcess = new CardSlot("Simulated Reader 0");
            inProcess.insert(issuer.issue(Cardholder.placeholder("R0001")));
            CardReaders simulated =
                    CardReaders.over(SimulatedTerminals.of(inProcess).terminalFactory());
            rows.add(measure("kiosk (extended READ)", "in-process", simulated, inProcess.name()));
            rows.add(measure("naive (256-byte READs)", "in-process", simulated.withShortReadsOnly(), inProcess.name()));

            if (vpcd) {
                CardSlot slot = new CardSlot("vpcd " + port);
                slot.insert(issuer.issue(Cardholder.placeholder("R0001")));
                try (VpcdClient client = VpcdClient.builder(slot).port(port).start()) {
                    String reader = String.format(Locale.ROOT, "Virtual PCD 00 %02d", port - FIRST_VPCD_PORT);
                    CardReaders pcsc = CardReaders.pcsc();
                    awaitCard(client, pcsc, reader);
                    rows.add(measure("kiosk (extended READ)", "pcscd+vpcd", pcsc, reader));
                    rows.add(measure("naive (256-byte READs)", "pcscd+vpcd", pcsc.withShortReadsOnly(), reader));
                }
            }

            print(out, rows);
            return check(out, err, rows);
        } catch (CardException | CardSimException | PkiException e) {
            err.println("kiosk bench card: " + e.getMessage());
            return e instanceof CardException card ? CardInfoCommand.exitCode(card.code()) : 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("kiosk bench card: interrupted");
            return 1;
        }
    }

    private void awaitCard(VpcdClient client, CardReaders pcsc, String reader) throws InterruptedException {
        if (!client.awaitState(VpcdClient.State.ACTIVE, Duration.ofSeconds(10))) {
            throw new CardSimException(
                    CardSimException.Code.INVALID_INPUT,
                    "pcscd did not take the simulated card on port " + port
                            + "; is pcscd running with vsmartcard-vpcd (apt-get install pcscd vsmartcard-vpcd)?");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (pcsc.list().stream().anyMatch(r -> r.name().equals(reader) && r.cardPresent())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new CardSimException(
                CardSimException.Code.INVALID_INPUT,
                "pcscd does not show the card in '" + reader + "'; readers: "
                        + pcsc.list().stream().map(CardReader::name).toList());
    }

    private Row measure(String path, String transport, CardReaders readers, String reader) {
        List<Long> micros = new ArrayList<>();
        long apdus = -1;
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < warmup + rounds; i++) {
            byte[] challenge = new byte[32];
            random.nextBytes(challenge);
            byte[] digest = SignedChallenge.digestOf(challenge);
            long started = System.nanoTime();
            X509Certificate certificate;
            byte[] signature;
            long count;
            try (JpkiCard card = readers.open(reader)) {
                certificate = card.readAuthCertificate();
                card.authPinTriesLeft();
                card.verifyAuthPin(PIN.toCharArray());
                signature = card.signWithAuthKey(digest);
                count = card.apduCount();
            }
            long elapsed = (System.nanoTime() - started) / 1_000;
            if (i == 0 && !SignedChallenge.verifies(certificate, challenge, signature)) {
                throw new CardSimException(
                        CardSimException.Code.INVALID_INPUT,
                        "the signature does not verify (" + path + ", " + transport + ")");
            }
            if (i >= warmup) {
                micros.add(elapsed);
                apdus = count;
            }
        }
        return new Row(path, transport, apdus, micros);
    }

    private static void print(PrintWriter out, List<Row> rows) {
        out.println();
        out.printf(
                Locale.ROOT,
                "%-24s %-12s %6s %12s %12s %12s%n",
                "path",
                "transport",
                "APDUs",
                "median ms",
                "p90 ms",
                "min ms");
        for (Row row : rows) {
            out.printf(
                    Locale.ROOT,
                    "%-24s %-12s %6d %12.2f %12.2f %12.2f%n",
                    row.path(),
                    row.transport(),
                    row.apdus(),
                    row.percentile(50) / 1000.0,
                    row.percentile(90) / 1000.0,
                    row.micros().stream().mapToLong(Long::longValue).min().orElse(0) / 1000.0);
        }
        out.println();
        out.flush();
    }

    /** Through vpcd the kiosk path must use fewer APDUs than the naive one. */
    private int check(PrintWriter out, PrintWriter err, List<Row> rows) {
        List<Row> vpcdRows =
                rows.stream().filter(r -> r.transport().equals("pcscd+vpcd")).toList();
        if (vpcdRows.size() != 2) {
            out.println("(run with --vpcd to measure through pcscd + vpcd as well)");
            out.flush();
            return 0;
        }
        long kiosk = vpcdRows.get(0).apdus();
        long naive = vpcdRows.get(1).apdus();
        if (kiosk < naive) {
            out.println("ok: through pcscd+vpcd the kiosk path uses " + kiosk + " APDUs, " + (naive - kiosk)
                    + " fewer than the naive " + naive);
            out.flush();
            return 0;
        }
        err.println("kiosk bench card: through pcscd+vpcd the kiosk path used " + kiosk
                + " APDUs, not fewer than the naive " + naive);
        err.flush();
        return 1;
    }
}
