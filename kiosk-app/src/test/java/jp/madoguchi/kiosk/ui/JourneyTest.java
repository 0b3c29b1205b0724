package jp.madoguchi.kiosk.ui;

import static jp.madoguchi.kiosk.transaction.TransactionState.AUTHENTICATED;
import static jp.madoguchi.kiosk.transaction.TransactionState.CANCELLED;
import static jp.madoguchi.kiosk.transaction.TransactionState.CARD_PRESENT;
import static jp.madoguchi.kiosk.transaction.TransactionState.CARD_REMOVED;
import static jp.madoguchi.kiosk.transaction.TransactionState.DONE;
import static jp.madoguchi.kiosk.transaction.TransactionState.FEE_CONFIRMED;
import static jp.madoguchi.kiosk.transaction.TransactionState.ORDER_CHOSEN;
import static jp.madoguchi.kiosk.transaction.TransactionState.PIN_VERIFIED;
import static jp.madoguchi.kiosk.transaction.TransactionState.PRINTED;
import static jp.madoguchi.kiosk.transaction.TransactionState.PRINTING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which screen the resident sees for each engine snapshot and local step; no toolkit. */
class JourneyTest {
    private final Journey journey = new Journey();

    @Test
    void idleStepsAreTheResidentsOwnAndACardJumpsToThePin() {
        assertThat(journey.screen()).isEqualTo(ScreenId.HOME);
        journey.goTo(ScreenId.CONSENT);
        assertThat(journey.screen()).isEqualTo(ScreenId.CONSENT);
        journey.goTo(ScreenId.PLACE_CARD);
        journey.goTo(ScreenId.MENU); // not a step while idle
        assertThat(journey.screen()).isEqualTo(ScreenId.PLACE_CARD);
        journey.accept(Snapshots.of(CARD_PRESENT, "card.reading"));
        assertThat(journey.screen()).isEqualTo(ScreenId.WORKING);
        journey.accept(Snapshots.of(CARD_PRESENT, "pin.enter"));
        assertThat(journey.screen()).isEqualTo(ScreenId.PIN);
        journey.accept(Snapshots.of(PIN_VERIFIED, "pin.enter"));
        assertThat(journey.screen()).isEqualTo(ScreenId.WORKING);
    }

    @Test
    void aStepAskedBeforeTheDevicesAreUpIsKeptAndTakenOnceTheyAre() {
        journey.devicesReady(false);
        journey.goTo(ScreenId.CONSENT);
        assertThat(journey.screen()).isEqualTo(ScreenId.HOME);
        assertThat(journey.waitingForDevices()).isTrue();
        journey.devicesReady(true);
        assertThat(journey.screen()).isEqualTo(ScreenId.CONSENT);
        assertThat(journey.waitingForDevices()).isFalse();
    }

    @Test
    void goingHomeBeforeTheDevicesAreUpDropsTheKeptStep() {
        journey.devicesReady(false);
        journey.goTo(ScreenId.CONSENT);
        journey.goTo(ScreenId.HOME);
        journey.devicesReady(true);
        assertThat(journey.screen()).isEqualTo(ScreenId.HOME);
    }

    @Test
    void choosingStepsThenConfirmAndBackToChangeTheOrder() {
        journey.accept(Snapshots.of(AUTHENTICATED, "menu.choose"));
        assertThat(journey.screen()).isEqualTo(ScreenId.MENU);
        journey.draft().start(Snapshots.RESIDENCE);
        journey.goTo(ScreenId.OPTIONS);
        journey.goTo(ScreenId.COPIES);
        assertThat(journey.screen()).isEqualTo(ScreenId.COPIES);
        journey.accept(Snapshots.of(ORDER_CHOSEN, "fee.confirm"));
        assertThat(journey.screen()).isEqualTo(ScreenId.CONFIRM);
        journey.goTo(ScreenId.MENU);
        assertThat(journey.screen()).isEqualTo(ScreenId.MENU);
        journey.accept(Snapshots.of(ORDER_CHOSEN, "fee.confirm"));
        assertThat(journey.screen()).as("the engine answered the changed order").isEqualTo(ScreenId.MENU);
        journey.accept(Snapshots.of(FEE_CONFIRMED, "payment.insert"));
        assertThat(journey.screen()).isEqualTo(ScreenId.PAYMENT);
        journey.accept(Snapshots.of(PRINTING, "printing.wait"));
        assertThat(journey.screen()).isEqualTo(ScreenId.PRINTING);
    }

    @Test
    void thankYouStaysAfterTheEngineIsIdleUntilStartOver() {
        journey.accept(Snapshots.of(PRINTED, "card.take"));
        assertThat(journey.screen()).isEqualTo(ScreenId.TAKE_OUT);
        journey.accept(Snapshots.of(CARD_REMOVED, "card.take"));
        journey.accept(Snapshots.of(DONE, "card.take"));
        journey.accept(Snapshots.idle());
        assertThat(journey.screen()).isEqualTo(ScreenId.THANKS);
        assertThat(journey.ending()).get().extracting(s -> s.state()).isEqualTo(PRINTED);
        journey.startOver();
        assertThat(journey.screen()).isEqualTo(ScreenId.HOME);
        assertThat(journey.ending()).isEmpty();
    }

    @Test
    void anEndingAsksForTheCardAndCannotBeLeftWhileTheCardIsIn() {
        journey.accept(Snapshots.of(AUTHENTICATED, "menu.choose"));
        journey.draft().start(Snapshots.RESIDENCE);
        journey.accept(Snapshots.ended(CANCELLED, "transaction.timeout", "TIMEOUT", 0, 0, 0, 0));
        assertThat(journey.screen()).isEqualTo(ScreenId.ENDED);
        journey.startOver();
        assertThat(journey.screen()).as("the card is still in").isEqualTo(ScreenId.ENDED);
        journey.accept(Snapshots.idle());
        assertThat(journey.screen()).isEqualTo(ScreenId.ENDED);
        assertThat(journey.draft().item())
                .as("wiped when the transaction ended")
                .isEmpty();
        journey.startOver();
        assertThat(journey.screen()).isEqualTo(ScreenId.HOME);
    }

    @Test
    void aNewCardDropsTheLastResidentsEnding() {
        journey.accept(Snapshots.ended(CANCELLED, "transaction.cardRemoved", "CARD_REMOVED", 0, 0, 0, 0));
        journey.accept(Snapshots.idle());
        journey.accept(Snapshots.of(CARD_PRESENT, "pin.enter"));
        assertThat(journey.ending()).isEmpty();
        assertThat(journey.screen()).isEqualTo(ScreenId.PIN);
    }
}
