package jp.madoguchi.kiosk.hwcheck;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * The card reader through PC/SC (pcscd): the configured reader (or any, when none is named) is
 * present; for a reader holding a card, its ATR. The card is connected shared and left as it was:
 * no APDU is sent, so no PIN try can be spent.
 */
public final class CardReaderCheck implements HardwareCheck {
    static final String DEVICE = "card reader";
    private static final Set<String> MY_NUMBER_ATRS =
            Set.of("3BC5FF8131FB458073C6010000", "3B888001000005E0B381A1007F", "3B888001000041E0B381A1003B");

    private final TerminalFactory factory;
    private final String readerName;

    /**
     * @param factory PC/SC ({@code TerminalFactory.getDefault()}) or another provider
     * @param readerName the configured reader; empty for any
     */
    public CardReaderCheck(TerminalFactory factory, String readerName) {
        this.factory = factory;
        this.readerName = readerName == null ? "" : readerName;
    }

    @Override
    public String device() {
        return DEVICE;
    }

    @Override
    public CheckResult run() {
        List<CardTerminal> terminals;
        try {
            terminals = factory.terminals().list();
        } catch (CardException | RuntimeException e) {
            return CheckResult.fail(
                    DEVICE,
                    "PC/SC is not available (" + rootMessage(e)
                            + "): is pcscd installed and running? (apt-get install pcscd; systemctl status pcscd)");
        }
        if (terminals.isEmpty()) {
            return CheckResult.fail(DEVICE, "pcscd sees no reader: plug the reader in (USB) and check `pcsc_scan`");
        }
        List<String> seen = new ArrayList<>();
        CardTerminal chosen = null;
        for (CardTerminal terminal : terminals) {
            seen.add('"' + terminal.getName() + '"');
            if (chosen == null && (readerName.isEmpty() || terminal.getName().equals(readerName))) {
                chosen = terminal;
            }
        }
        if (chosen == null) {
            return CheckResult.fail(
                    DEVICE,
                    "configured reader \"" + readerName + "\" is not connected; pcscd sees " + String.join(", ", seen)
                            + " (set card.readerName to one of them, or empty for any)");
        }
        return CheckResult.pass(DEVICE, '"' + chosen.getName() + "\": " + cardState(chosen));
    }

    private static String cardState(CardTerminal terminal) {
        try {
            if (!terminal.isCardPresent()) {
                return "present, no card inserted";
            }
            Card card = terminal.connect("*");
            try {
                String atr =
                        HexFormat.of().withUpperCase().formatHex(card.getATR().getBytes());
                return "card ATR " + atr + (MY_NUMBER_ATRS.contains(atr) ? " (My Number card)" : "");
            } finally {
                card.disconnect(false);
            }
        } catch (CardException e) {
            return "present, card inserted but not readable (" + rootMessage(e) + "): reinsert it";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
