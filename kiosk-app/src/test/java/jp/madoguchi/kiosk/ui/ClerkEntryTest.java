package jp.madoguchi.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import jp.madoguchi.kiosk.SharedCenter;
import jp.madoguchi.kiosk.clerk.ui.ClerkScreenId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Staff reach the clerk screens on the running kiosk, headless (Monocle), never mid-transaction. */
class ClerkEntryTest {
    private static final AtomicInteger KIOSKS = new AtomicInteger();

    @RegisterExtension
    static final SharedCenter sim = new SharedCenter();

    @TempDir
    Path dataDir;

    KioskUiFixture k;
    ClerkEntry entry;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (entry != null && entry.isShowing()) {
            KioskUiFixture.fx(() -> {
                entry.window().orElseThrow().root().getScene().getWindow().hide();
                return null;
            });
        }
        if (k != null) {
            k.close();
        }
    }

    private void kiosk() throws Exception {
        k = new KioskUiFixture(dataDir, "KC" + KIOSKS.incrementAndGet(), sim.center(), sim.issuer(), null);
        entry = KioskUiFixture.fx(
                () -> ClerkEntry.install(k.window, k.kiosk, false, dataDir.resolve("statements"), k.kiosk.clock()));
        k.awaitScreen(ScreenId.HOME);
    }

    @Test
    void holdingTheTopLeftCornerOpensTheClerkPinScreenAndItCanBeLeftWithoutLoggingIn() throws Exception {
        kiosk();
        Point2D corner = KioskUiFixture.fx(() -> k.window.scene().getRoot().localToScreen(20, 20));

        k.robot.moveTo(corner).press(MouseButton.PRIMARY);
        try {
            await().atMost(KioskUiFixture.WAIT).until(entry::isShowing);
        } finally {
            k.robot.release(MouseButton.PRIMARY);
        }

        assertThat(KioskUiFixture.fx(
                        () -> entry.window().orElseThrow().shell().current().get()))
                .isEqualTo(ClerkScreenId.LOGIN);
        assertThat(k.kiosk.clerkMode().access().isOpen()).isFalse();
        KioskUiFixture.fx(() -> {
            Node dismiss = entry.window().orElseThrow().root().lookup("#clerk-dismiss");
            assertThat(dismiss.isVisible()).isTrue();
            ((Button) dismiss).fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(entry.isShowing()).isFalse();
    }

    @Test
    void theMaintenanceKeyOpensTheClerkScreensAndTurningItBackClosesThem() throws Exception {
        kiosk();

        k.kiosk.clerkMode().access().keySwitch(true);
        await().atMost(KioskUiFixture.WAIT).until(entry::isShowing);
        await().atMost(KioskUiFixture.WAIT)
                .until(() -> KioskUiFixture.fx(() ->
                                entry.window().orElseThrow().shell().current().get())
                        == ClerkScreenId.DASHBOARD);

        k.kiosk.clerkMode().access().keySwitch(false);
        await().atMost(KioskUiFixture.WAIT).until(() -> !entry.isShowing());
    }

    @Test
    void theCornerNeverInterruptsAResidentsTransaction() throws Exception {
        kiosk();
        k.tap("start");
        k.tap("agree");
        k.placeCard(k.cardOf("R0001"));
        k.awaitScreen(ScreenId.PIN);

        KioskUiFixture.fx(() -> {
            entry.openFromCorner();
            return null;
        });

        assertThat(entry.isShowing()).isFalse();
        assertThat(k.screen()).isEqualTo(ScreenId.PIN);
    }
}
