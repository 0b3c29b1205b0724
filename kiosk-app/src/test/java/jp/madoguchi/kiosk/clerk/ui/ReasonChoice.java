package jp.madoguchi.kiosk.clerk.ui;

import javafx.scene.control.ComboBox;
import jp.madoguchi.kiosk.clerk.RefundReason;
import org.testfx.util.WaitForAsyncUtils;

/** Chooses a refund reason in the look-up screen's list, as a clerk's tap would. */
final class ReasonChoice {
    private ReasonChoice() {}

    @SuppressWarnings("unchecked")
    static void select(ClerkUiFixture ui, RefundReason reason) {
        WaitForAsyncUtils.waitForAsyncFx(
                ClerkUiFixture.WAIT.toMillis(), () -> ((ComboBox<RefundReason>) ui.scene.lookup("#clerk-refund-reason"))
                        .getSelectionModel()
                        .select(reason));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
