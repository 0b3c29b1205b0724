package jp.madoguchi.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import jp.madoguchi.card.CardReaders;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.Cardholder;
import jp.madoguchi.sim.card.SimulatedCard;
import jp.madoguchi.sim.card.smartcardio.SimulatedTerminals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk card info|sign} against simulated cards in in-process readers. */
class CardDiagnosticsCommandTest {
    @TempDir
    static Path data;

    private static CardIssuer issuer;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void issuer() {
        issuer = CardIssuer.open(data);
    }

    private int run(List<CardSlot> slots, String... args) {
        CommandLine line = new CommandLine(new KioskCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        CardReaders readers = CardReaders.over(SimulatedTerminals.of(slots).terminalFactory());
        CommandLine card = line.getSubcommands().get("card");
        ((CardInfoCommand) card.getSubcommands().get("info").getCommand()).source.pcsc = () -> readers;
        ((CardSignCommand) card.getSubcommands().get("sign").getCommand()).source.pcsc = () -> readers;
        return line.execute(args);
    }

    private static CardSlot slotWith(SimulatedCard card) {
        CardSlot slot = new CardSlot("Reader " + System.nanoTime());
        if (card != null) {
            slot.insert(card);
        }
        return slot;
    }

    private static SimulatedCard myNumberCard() {
        return issuer.issue(Cardholder.placeholder("R0001"));
    }

    @Test
    void infoShowsReaderAtrKindCertificateAndTries() {
        int status = run(List.of(slotWith(null), slotWith(myNumberCard())), "card", "info");

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains("ATR:           3B C5 FF 81 31 FB 45 80 73 C6 01 00 00")
                .contains("My Number card (JPKI)")
                .contains("SERIALNUMBER=R0001")
                .contains("PIN tries left: 3");
    }

    @Test
    void signVerifiesThePinSignsAndChecksTheSignature() {
        int status = run(List.of(slotWith(myNumberCard())), "card", "sign", "--pin", "1234");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("ok: signature verified").contains("APDUs");
    }

    @Test
    void simulatedOptionNeedsNoReader() {
        int status = run(List.of(), "card", "sign", "--simulated", "--data", data.toString(), "--pin", "1234");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("Simulated Reader 0").contains("ok:");
    }

    @Test
    void eachFailureHasItsOwnExitCodeAndMessage() {
        assertThat(run(List.of(), "card", "info")).isEqualTo(10);
        assertThat(err.toString()).contains("no card reader is connected");
        assertThat(run(List.of(slotWith(null)), "card", "info")).isEqualTo(11);
        assertThat(run(List.of(slotWith(SimulatedCard.foreign())), "card", "info"))
                .isEqualTo(12);
        assertThat(run(List.of(slotWith(myNumberCard())), "card", "sign", "--pin", "0000"))
                .isEqualTo(15);
        assertThat(err.toString()).contains("2 tries left");
        assertThat(run(List.of(slotWith(myNumberCard())), "card", "sign", "--pin", "12a4"))
                .isEqualTo(2);
    }

    @Test
    void lockedCardSendsTheResidentToTheMunicipalOfficeAndNoPinIsSent() {
        SimulatedCard locked = myNumberCard();
        locked.lockAuthPin();
        CardSlot slot = slotWith(locked);

        assertThat(run(List.of(slot), "card", "sign", "--pin", "1234")).isEqualTo(13);
        assertThat(err.toString()).contains("municipal office");
        assertThat(slot.apduLog()).noneMatch(record -> record.pinDataMasked());
        assertThat(run(List.of(slot), "card", "info")).isEqualTo(13);
    }

    @Test
    void signRefusesTheLastTryUnlessAllowed() {
        SimulatedCard card = myNumberCard();
        card.setAuthPinTriesLeft(1);
        CardSlot slot = slotWith(card);

        assertThat(run(List.of(slot), "card", "sign", "--pin", "1234")).isEqualTo(18);
        assertThat(slot.apduLog()).noneMatch(record -> record.pinDataMasked());
        assertThat(run(List.of(slot), "card", "sign", "--pin", "1234", "--allow-last-try"))
                .isZero();
    }
}
