package jp.madoguchi.sim.center;

import java.util.List;
import java.util.UUID;
import jp.madoguchi.center.CenterClient;
import jp.madoguchi.center.CenterSession;
import jp.madoguchi.center.Challenge;
import jp.madoguchi.center.Issuance;
import jp.madoguchi.center.protocol.OrderItem;

/** A kiosk in tests: its center client and the card steps of a transaction. */
final class Kiosk {
    final CenterClient client;

    Kiosk(CenterClient client) {
        this.client = client;
    }

    CenterSession open(TestCards.Card card) {
        Challenge challenge = client.requestChallenge();
        return client.openSession(challenge, card.certificate(), card.sign(challenge));
    }

    Issuance issue(CenterSession session, OrderItem... items) {
        return client.issue(session, List.of(items), UUID.randomUUID().toString());
    }
}
