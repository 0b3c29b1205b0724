package jp.madoguchi.kiosk.clerk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import jp.madoguchi.kiosk.clerk.ClerkKiosk;
import jp.madoguchi.kiosk.clerk.ClerkPinFile;
import jp.madoguchi.kiosk.clerk.ClerkPinHash;
import jp.madoguchi.kiosk.counter.CounterWindow;
import jp.madoguchi.sim.card.CardIssuer;
import jp.madoguchi.sim.center.CenterSimulator;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A simulated kiosk with its clerk window open on a headless (Monocle) stage, and a clerk's hands:
 * tap buttons and type into fields of the real scene, read what it shows, capture it for the manual.
 */
final class ClerkUiFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String CLERK_PIN = "482910";

    final ClerkKiosk kiosk;
    final Optional<CounterWindow> counter;
    ClerkWindow window;
    Scene scene;

    ClerkUiFixture(Path dataDir, String kioskId, String yaml, CenterSimulator center, CardIssuer issuer)
            throws Exception {
        new ClerkPinFile(dataDir).write(ClerkPinHash.create(CLERK_PIN.toCharArray(), new SecureRandom()));
        kiosk = new ClerkKiosk(dataDir, kioskId, yaml, center, issuer);
        counter = kiosk.kiosk.counterLane().map(lane -> {
            CounterWindow w =
                    new CounterWindow(id -> Optional.of(kiosk.kiosk.journal().balance(id)));
            w.serve(lane);
            return w;
        });
        FxToolkit.setupStage(stage -> {
            window = new ClerkWindow(
                    kiosk.clerk(),
                    counter,
                    dataDir.resolve("statements"),
                    dataDir.resolve("usb"),
                    ClerkKiosk.daytimeClock());
            window.showIn(stage);
            scene = stage.getScene();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    void tap(String id) {
        await().atMost(WAIT)
                .until(() -> fx(() -> {
                    Node n = scene.lookup("#" + id);
                    return n instanceof Button b
                            && b.isVisible()
                            && !b.isDisabled()
                            && !b.getParent().isDisabled();
                }));
        WaitForAsyncUtils.waitForAsyncFx(WAIT.toMillis(), () -> ((Button) scene.lookup("#" + id)).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** True when {@code id} is in the scene, enabled, and it and all its parents are visible. */
    boolean enabled(String id) {
        return fx(() -> {
            Node n = scene.lookup("#" + id);
            if (n == null || n.isDisabled()) {
                return false;
            }
            for (Node at = n; at != null; at = at.getParent()) {
                if (!at.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    void type(String id, String value) {
        WaitForAsyncUtils.waitForAsyncFx(WAIT.toMillis(), () -> ((TextField) scene.lookup("#" + id)).setText(value));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void typePin(String pin) {
        for (char c : pin.toCharArray()) {
            tap("clerk-pin-key-" + c);
        }
        tap("clerk-pin-enter");
    }

    ClerkScreenId screen() {
        return fx(() -> window.shell().current().get());
    }

    void awaitScreen(ClerkScreenId id) {
        await().atMost(WAIT).until(this::screen, s -> s == id);
    }

    String text(String id) {
        return fx(() -> {
            Node n = scene.lookup("#" + id);
            assertThat(n).as("#" + id).isNotNull();
            return ((Labeled) n).getText();
        });
    }

    void awaitText(String id, String contained) {
        await().atMost(WAIT).until(() -> text(id), t -> t != null && t.contains(contained));
    }

    /** Every text in the scene (labels, buttons, fields, list cells), joined. */
    String allText() {
        return fx(() -> {
            StringBuilder b = new StringBuilder();
            collect(scene.getRoot(), b);
            return b.toString();
        });
    }

    private static void collect(Node node, StringBuilder b) {
        if (node instanceof Labeled l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        }
        if (node instanceof TextField f && f.getText() != null) {
            b.append(f.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, b);
            }
        }
    }

    /** Saves the scene as {@code docs/screens/clerk/<file>} (Japanese) and {@code en/<file>}. */
    void capture(String file) throws IOException {
        write(Path.of(file));
        tap("clerk-language");
        write(Path.of("en").resolve(file));
        tap("clerk-language");
    }

    private void write(Path file) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = fx(() -> scene.snapshot(null));
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Path target = docs().resolve("screens").resolve("clerk").resolve(file);
        Files.createDirectories(target.getParent());
        ImageIO.write(png, "png", target.toFile());
    }

    /** The repository's docs directory (tests run in kiosk-app/). */
    static Path docs() {
        Path here = Path.of("").toAbsolutePath();
        Path docs = here.resolveSibling("docs");
        return Files.isDirectory(docs) ? docs : here.resolve("docs");
    }

    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        if (window != null) {
            window.close();
        }
        kiosk.close();
    }
}
