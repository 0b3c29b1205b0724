package jp.madoguchi.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.CardKind;
import jp.madoguchi.card.CardReaders;
import jp.madoguchi.card.JpkiCard;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.CardSimException;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.Cardholder;
import jp.madoguchi.sim.card.smartcardio.SimulatedTerminals;
import jp.madoguchi.sim.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiosk card info}: what is in the reader, for clerks and developers. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the reader, the card's ATR and kind, the user-authentication certificate (subject,"
                    + " serial, validity) and the PIN tries left. Uses no PIN try.",
            "Exit codes: 0 ok, 10 no reader, 11 no card, 12 not a My Number card, 13 PIN locked,"
                    + " 14 pcscd not running, 16 card removed or not responding, 1 other card errors."
        })
public final class CardInfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CardSource source = new CardSource();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (JpkiCard card = source.open()) {
            out.println("Reader:        " + card.readerName());
            out.println("ATR:           "
                    + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(card.atr()));
            CardKind kind = card.kind();
            out.println("Card:          "
                    + (kind == CardKind.MY_NUMBER_CARD ? "My Number card (JPKI)" : "not a My Number card"));
            if (kind != CardKind.MY_NUMBER_CARD) {
                out.flush();
                return exitCode(CardErrorCode.NOT_A_MY_NUMBER_CARD);
            }
            X509Certificate certificate = card.readAuthCertificate();
            out.println("Auth certificate:");
            out.println("  subject:     " + certificate.getSubjectX500Principal());
            out.println("  issuer:      " + certificate.getIssuerX500Principal());
            out.println("  serial:      "
                    + certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT));
            out.println("  valid:       " + certificate.getNotBefore().toInstant() + " .. "
                    + certificate.getNotAfter().toInstant());
            int tries = card.authPinTriesLeft();
            out.println("PIN tries left: " + tries
                    + (tries == 0
                            ? " (LOCKED: the resident must go to the municipal office to reset the PIN)"
                            : tries == 1 ? " (last try: a wrong PIN locks the card)" : ""));
            out.println("APDUs:         " + card.apduCount());
            out.flush();
            return tries == 0 ? exitCode(CardErrorCode.PIN_LOCKED) : 0;
        } catch (CardSimException | PkiException e) {
            return simulatorFailure(spec, e);
        } catch (CardException e) {
            return report(spec, e);
        }
    }

    /**
     * Where the card diagnostics find their card: a PC/SC reader (the named one or the first with
     * a card), or with {@code --simulated} a simulated My Number card in an in-process reader.
     */
    static final class CardSource {
        @Option(
                names = "--reader",
                paramLabel = "NAME",
                description = "Reader to use (default: the first reader with a card).")
        String reader;

        @Option(
                names = "--simulated",
                description =
                        "Use a simulated My Number card in an in-process reader (auth PIN 1234) instead of PC/SC.")
        boolean simulated;

        @Option(
                names = "--resident",
                paramLabel = "ID",
                defaultValue = "R0001",
                description =
                        "With --simulated: the synthetic resident the card is issued to (default ${DEFAULT-VALUE}).")
        String resident;

        @Option(
                names = "--data",
                paramLabel = "DIR",
                description = "With --simulated: simulator data directory with the JPKI CAs in DIR/pki"
                        + " (default $HOME/.madoguchi/sim).")
        Path dataDir;

        /** Where readers come from when not simulated; tests replace it. */
        Supplier<CardReaders> pcsc = CardReaders::pcsc;

        JpkiCard open() {
            if (simulated) {
                CardSlot slot = new CardSlot(SIMULATED_READER);
                slot.insert(CardIssuer.open(dataDir != null ? dataDir : defaultSimulatorData())
                        .issue(Cardholder.placeholder(resident)));
                return CardReaders.over(SimulatedTerminals.of(slot).terminalFactory())
                        .open(SIMULATED_READER);
            }
            CardReaders readers = pcsc.get();
            return reader == null ? readers.openFirstCard() : readers.open(reader);
        }

        /** The simulators' default data directory, as {@code kiosk sim card} uses it. */
        static Path defaultSimulatorData() {
            return Path.of(System.getProperty("user.home"), ".madoguchi", "sim");
        }
    }

    static final String SIMULATED_READER = "Simulated Reader 0";

    /** Prints why the simulated card could not be made (bad --resident or --data); exit code 2. */
    static int simulatorFailure(CommandSpec spec, RuntimeException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(
                "kiosk " + spec.qualifiedName().replaceFirst("^kiosk ", "") + ": simulated card: " + e.getMessage());
        err.flush();
        return 2;
    }

    /** Prints a card failure to standard error and returns its exit code. */
    static int report(CommandSpec spec, CardException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("kiosk " + spec.qualifiedName().replaceFirst("^kiosk ", "") + ": " + e.getMessage());
        err.flush();
        return exitCode(e.code());
    }

    /** The distinct exit codes of the card diagnostics (documented in the command help). */
    static int exitCode(CardErrorCode code) {
        switch (code) {
            case NO_READER:
            case READER_NOT_FOUND:
                return 10;
            case NO_CARD:
                return 11;
            case NOT_A_MY_NUMBER_CARD:
                return 12;
            case PIN_LOCKED:
                return 13;
            case READER_UNAVAILABLE:
                return 14;
            case WRONG_PIN:
                return 15;
            case CARD_REMOVED:
            case CARD_NOT_RESPONDING:
                return 16;
            case INVALID_PIN_FORMAT:
                return 2;
            default:
                return 1;
        }
    }
}
