package jp.madoguchi.kiosk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.CardPin;
import jp.madoguchi.sim.card.CardPins;
import jp.madoguchi.sim.card.CardSimException;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.Cardholder;
import jp.madoguchi.sim.card.CardholderLookup;
import jp.madoguchi.sim.card.CertificateValidity;
import jp.madoguchi.sim.card.Sex;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.card.vpcd.VpcdClient;
import jp.madoguchi.sim.pki.PkiException;
import jp.madoguchi.sim.resident.CatalogueCardholders;
import jp.madoguchi.sim.resident.ResidentCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiosk sim card}: the simulated My Number card as a card in pcscd's vpcd reader. */
@Command(
        name = "card",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a simulated My Number card (JPKI AP + card-info AP) as a card in one of pcscd's vpcd"
                    + " readers, so that the kiosk, opensc-tool, pkcs15-tool or pcsc_scan see it. Runs until"
                    + " Ctrl-C or SIGTERM.",
            "",
            "--resident picks a synthetic resident of the simulators' catalogue (the same residents the center"
                    + " simulator knows; R0001 is the happy-path default, R0002-R0028 are the edge cases listed in"
                    + " docs/center-simulator.md). An id the catalogue does not know gets a placeholder cardholder"
                    + " (窓口 太郎). Keys and certificates are derived from the resident id, so the same id gives the"
                    + " same card every time.",
            "Default PINs: auth PIN 1234 (3 tries), signing password ABC123 (5 tries), card-info PIN 1234"
                    + " (10 tries)."
        },
        footer = {
            "",
            "vpcd ports (Debian's vpcd configuration): 35963 = \"Virtual PCD 00 00\", 35964 = \"Virtual PCD 00 01\".",
            "When stdin is a terminal, type: remove, insert, lock, tries N, mute, unmute, slow MS, quit."
        })
public final class SimCardCommand implements Callable<Integer> {
    private static final int FIRST_VPCD_PORT = 35963;
    private static final int VPCD_SLOTS = 2;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--vpcd",
            paramLabel = "PORT",
            required = true,
            description = "vpcd port of pcscd's virtual reader (35963 = \"Virtual PCD 00 00\").")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Where pcscd runs (default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--resident",
            paramLabel = "ID",
            defaultValue = "R0001",
            description = "Synthetic resident id the card is issued to (default ${DEFAULT-VALUE}).")
    String residentId;

    @Option(names = "--pin", paramLabel = "PIN", description = "Auth PIN, 4 digits (default 1234).")
    String authPin;

    @Option(
            names = "--signing-password",
            paramLabel = "PASSWORD",
            description = "Signing password, 6-16 of A-Z 0-9 (default ABC123).")
    String signingPassword;

    @Option(names = "--card-info-pin", paramLabel = "PIN", description = "Card-info AP PIN, 4 digits (default 1234).")
    String cardInfoPin;

    @Option(
            names = "--tries",
            paramLabel = "N",
            description = "Auth PIN tries left at start: 0-3 (0 = locked; default 3).")
    Integer tries;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Simulator data directory; the JPKI CAs are in DIR/pki (default $HOME/.madoguchi/sim).")
    Path dataDir;

    @Option(names = "--name", paramLabel = "NAME", description = "Cardholder name on the card.")
    String name;

    @Option(names = "--address", paramLabel = "ADDRESS", description = "Cardholder address on the card.")
    String address;

    @Option(names = "--birth-date", paramLabel = "YYYY-MM-DD", description = "Cardholder birth date.")
    String birthDate;

    @Option(
            names = "--sex",
            paramLabel = "1|2|3|9",
            description = "Cardholder sex code: 1 male, 2 female, 3 other, 9 not applicable.")
    String sex;

    @Option(
            names = "--valid-from",
            paramLabel = "YYYY-MM-DD",
            description = "Certificates valid from this day (JST; default 2025-04-01).")
    String validFrom;

    @Option(
            names = "--valid-until",
            paramLabel = "YYYY-MM-DD",
            description = "Certificates valid until the end of this day (JST; default 2030-03-31). A past day gives an"
                    + " expired card.")
    String validUntil;

    @Option(names = "--foreign", description = "Insert a card that is not a My Number card (no JPKI AP, other ATR).")
    boolean foreign;

    private final CardholderLookup lookup;

    /** With the simulators' resident catalogue, so the card matches the center's resident. */
    public SimCardCommand() {
        // Built on first use: picocli constructs every subcommand at start-up, and the catalogue
        // costs a visible part of a second that other commands should not pay.
        this(residentId -> new CatalogueCardholders(new ResidentCatalogue()).find(residentId));
    }

    /** With a resident catalogue that knows the synthetic residents. */
    public SimCardCommand(CardholderLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VpcdClient client;
        CardSlot slot;
        SimulatedCard card;
        Path data = dataDir != null ? dataDir : defaultDataDir();
        try {
            Optional<Cardholder> known = lookup.find(residentId);
            CardIssuer issuer = CardIssuer.open(data);
            card = foreign ? SimulatedCard.foreign() : issuer.issue(cardholder(known), pins(), validity());
            if (tries != null && !foreign) {
                card.setAuthPinTriesLeft(tries);
            }
            slot = new CardSlot("vpcd " + host + ":" + port);
            slot.insert(card);
            printCard(out, card, known.isPresent(), data);
            client = VpcdClient.builder(slot)
                    .host(host)
                    .port(port)
                    .onStateChange(state -> reportState(out, state))
                    .start();
        } catch (CardSimException | PkiException e) {
            err.println("kiosk sim card: " + e.getMessage());
            return 2;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    client.close();
                    stopped.countDown();
                },
                "sim-card-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (System.console() != null) {
            out.println("Commands: remove, insert, lock, tries N, mute, unmute, slow MS, quit (Ctrl-C also stops).");
            out.flush();
            Thread commands = new Thread(() -> readCommands(out, slot, card, client, stopped), "sim-card-commands");
            commands.setDaemon(true);
            commands.start();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
        out.println("Stopped: the card left " + readerName() + ".");
        out.flush();
        return 0;
    }

    private Cardholder cardholder(Optional<Cardholder> known) {
        Cardholder holder = known.orElseGet(() -> Cardholder.placeholder(residentId));
        if (name != null) {
            holder = holder.withName(name);
        }
        if (address != null) {
            holder = holder.withAddress(address);
        }
        if (birthDate != null) {
            holder = holder.withBirthDate(date("--birth-date", birthDate));
        }
        if (sex != null) {
            if (sex.length() != 1) {
                throw invalid("--sex takes one digit: 1, 2, 3 or 9");
            }
            holder = holder.withSex(Sex.ofCode(sex.charAt(0)));
        }
        return holder;
    }

    private CardPins pins() {
        CardPins pins = CardPins.DEFAULT;
        if (authPin != null) {
            pins = pins.withAuthPin(authPin);
        }
        if (signingPassword != null) {
            pins = pins.withSigningPassword(signingPassword);
        }
        if (cardInfoPin != null) {
            pins = pins.withCardInfoPin(cardInfoPin);
        }
        return pins;
    }

    private CertificateValidity validity() {
        CertificateValidity validity = CertificateValidity.DEFAULT;
        ZoneOffset jst = ZoneOffset.ofHours(9);
        var from = validFrom == null
                ? validity.notBefore()
                : date("--valid-from", validFrom).atStartOfDay().toInstant(jst);
        var until = validUntil == null
                ? validity.notAfter()
                : date("--valid-until", validUntil)
                        .plusDays(1)
                        .atStartOfDay()
                        .minusSeconds(1)
                        .toInstant(jst);
        return new CertificateValidity(from, until);
    }

    private void printCard(PrintWriter out, SimulatedCard card, boolean fromCatalogue, Path data) {
        out.println("Simulated My Number card");
        if (foreign) {
            out.println("  card      a foreign card (not a My Number card: no JPKI AP)");
        } else {
            out.println("  resident  " + residentId
                    + (fromCatalogue
                            ? " (from the resident catalogue)"
                            : " (not in the resident catalogue: placeholder cardholder)"));
            out.println("  PINs      auth " + (authPin == null ? "1234 (default)" : "from --pin") + ", signing "
                    + (signingPassword == null ? "ABC123 (default)" : "from --signing-password") + ", card-info "
                    + (cardInfoPin == null ? "1234 (default)" : "from --card-info-pin"));
            out.println("  tries     auth PIN " + card.triesLeft(CardPin.AUTH_PIN) + " of 3");
            ZoneOffset jst = ZoneOffset.ofHours(9);
            out.println("  valid     "
                    + card.authCertificate().getNotBefore().toInstant().atOffset(jst) + " .. "
                    + card.authCertificate().getNotAfter().toInstant().atOffset(jst) + " (certificates)");
        }
        out.println("  ATR       " + card.atrHex());
        out.println("  reader    " + readerName() + " (vpcd " + host + ":" + port + ")");
        out.println("  data dir  " + data.toAbsolutePath() + " (JPKI CAs in pki/)");
        out.flush();
    }

    private void reportState(PrintWriter out, VpcdClient.State state) {
        String line =
                switch (state) {
                    case WAITING_FOR_CARD -> "card removed: " + readerName() + " is empty";
                    case CONNECTING -> "connecting to pcscd's vpcd at " + host + ":" + port + " ...";
                    case CONNECTED -> "connected; waiting for pcscd to power the card";
                    case ACTIVE -> "pcscd sees the card in " + readerName();
                    case STOPPED -> "vpcd client stopped";
                };
        out.println(line);
        out.flush();
    }

    private void readCommands(
            PrintWriter out, CardSlot slot, SimulatedCard card, VpcdClient client, CountDownLatch stopped) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
                try {
                    switch (words[0]) {
                        case "" -> {}
                        case "remove" -> out.println(slot.remove().isPresent() ? "removed" : "no card to remove");
                        case "insert" -> {
                            if (slot.cardPresent()) {
                                out.println("the card is in already");
                            } else {
                                slot.insert(card);
                                out.println("inserted");
                            }
                        }
                        case "lock" -> {
                            card.lockAuthPin();
                            out.println("auth PIN locked");
                        }
                        case "tries" -> {
                            card.setAuthPinTriesLeft(Integer.parseInt(words[1]));
                            out.println("auth PIN tries left: " + card.triesLeft(CardPin.AUTH_PIN));
                        }
                        case "mute" -> {
                            card.mute();
                            out.println("muted: APDUs get no answer until unmute");
                        }
                        case "unmute" -> {
                            card.unmute();
                            out.println("answering again");
                        }
                        case "slow" -> {
                            card.setLatency(java.time.Duration.ofMillis(Long.parseLong(words[1])));
                            out.println("latency per APDU: " + card.latency().toMillis() + " ms");
                        }
                        case "quit", "exit" -> {
                            client.close();
                            stopped.countDown();
                            return;
                        }
                        default -> out.println(
                                "unknown command; use remove, insert, lock, tries N, mute, unmute, slow MS, quit");
                    }
                } catch (CardSimException | ArrayIndexOutOfBoundsException | NumberFormatException e) {
                    out.println("cannot do that: "
                            + (e instanceof CardSimException ? e.getMessage() : "a number is needed"));
                }
                out.flush();
            }
        } catch (IOException e) {
            out.println("stdin closed: " + e.getMessage());
        }
    }

    private String readerName() {
        int index = port - FIRST_VPCD_PORT;
        boolean local = host.equals("127.0.0.1") || host.equals("localhost");
        if (local && index >= 0 && index < VPCD_SLOTS) {
            return "\"Virtual PCD 00 0" + index + "\"";
        }
        return "pcscd's vpcd reader on port " + port;
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(option + " takes a date as YYYY-MM-DD, not '" + text + "'");
        }
    }

    private static CardSimException invalid(String message) {
        return new CardSimException(CardSimException.Code.INVALID_INPUT, message);
    }

    /** {@code $HOME/.madoguchi/sim}: where the simulators keep their CAs. */
    static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".madoguchi", "sim");
    }
}
