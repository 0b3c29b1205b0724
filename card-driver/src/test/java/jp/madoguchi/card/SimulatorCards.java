package jp.madoguchi.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.card.Cardholder;
import jp.madoguchi.sim.card.SimulatedCard;

/** Simulated My Number cards for the contract suite: one issuer (and its PKI) per test JVM. */
final class SimulatorCards {
    static final String RESIDENT = "R0001";
    static final String AUTH_PIN = "1234";
    static final String CARD_INFO_PIN = "1234";

    private static CardIssuer issuer;

    private SimulatorCards() {}

    static synchronized CardIssuer issuer() {
        if (issuer == null) {
            try {
                issuer = CardIssuer.open(Files.createTempDirectory("card-driver-sim"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return issuer;
    }

    /** A fresh card (fresh PIN counters) for the default synthetic resident. */
    static SimulatedCard myNumberCard() {
        return issuer().issue(Cardholder.placeholder(RESIDENT));
    }
}
