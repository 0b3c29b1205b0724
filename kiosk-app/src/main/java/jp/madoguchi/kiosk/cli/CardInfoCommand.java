package jp.madoguchi.kiosk.cli;

import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import jp.madoguchi.card.CardErrorCode;
import jp.madoguchi.card.CardException;
import jp.madoguchi.card.CardKind;
import jp.madoguchi.card.CardReaders;
import jp.madoguchi.card.JpkiCard;
import picocli.CommandLine.Command;
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

    @Option(
            names = "--reader",
            paramLabel = "NAME",
            description = "Reader to use (default: the first reader with a card).")
    String reader;

    /** Where readers come from; tests and the simulated mode replace it. */
    Supplier<CardReaders> readers = CardReaders::pcsc;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (JpkiCard card = open(readers.get(), reader)) {
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
            out.println(
                    "  subject:     " + certificate.getSubjectX500Principal().getName());
            out.println("  issuer:      " + certificate.getIssuerX500Principal().getName());
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
        } catch (CardException e) {
            return report(spec, e);
        }
    }

    /** Opens the named reader's card, or the first card found. */
    static JpkiCard open(CardReaders readers, String readerName) {
        return readerName == null ? readers.openFirstCard() : readers.open(readerName);
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
