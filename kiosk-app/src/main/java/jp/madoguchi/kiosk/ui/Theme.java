package jp.madoguchi.kiosk.ui;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The look of the kiosk: {@code kiosk.css} always, {@code high-contrast.css} over it in the
 * high-contrast theme, and the text scale as the root font size (every size in the stylesheets
 * is in em, so the larger-text toggle scales the whole screen). In windowed dev mode the
 * stylesheets are read from the source tree and reloaded when saved.
 */
public final class Theme implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Theme.class);
    /** The root font size at text scale 1.0, in px. */
    public static final double BASE_FONT_PX = 24;

    private static final String BASE = "kiosk.css";
    private static final String HIGH_CONTRAST = "high-contrast.css";

    private final Scene scene;
    private final Path liveDir;
    private WatchService watcher;
    private boolean highContrast;
    private double scale = 1.0;

    /**
     * @param liveDir the source directory holding {@code jp/madoguchi/kiosk/ui/*.css} to watch and
     *     reload (dev mode), or null to use the stylesheets on the classpath
     */
    public Theme(Scene scene, Path liveDir) {
        this.scene = scene;
        this.liveDir = liveDir == null ? null : liveDir.resolve("jp/madoguchi/kiosk/ui");
        if (this.liveDir != null) {
            watch();
        }
    }

    /** Applies the theme and text scale. */
    public void apply(boolean highContrast, double scale) {
        this.highContrast = highContrast;
        this.scale = scale;
        List<String> sheets = new ArrayList<>();
        sheets.add(url(BASE));
        if (highContrast) {
            sheets.add(url(HIGH_CONTRAST));
        }
        scene.getStylesheets().setAll(sheets);
        scene.getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * scale));
        scene.getRoot().getStyleClass().remove("high-contrast");
        if (highContrast) {
            scene.getRoot().getStyleClass().add("high-contrast");
        }
    }

    private String url(String name) {
        if (liveDir != null && Files.isRegularFile(liveDir.resolve(name))) {
            try {
                return liveDir.resolve(name).toUri().toURL().toExternalForm();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return UiResources.require(Theme.class, name).toExternalForm();
    }

    private void watch() {
        try {
            watcher = liveDir.getFileSystem().newWatchService();
            liveDir.register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        } catch (IOException e) {
            LOG.warn("live CSS reload is off: cannot watch {} ({})", liveDir, e.toString());
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        while (true) {
                            WatchKey key = watcher.take();
                            key.pollEvents();
                            key.reset();
                            Platform.runLater(() -> {
                                scene.getStylesheets().clear(); // drops JavaFX's cached copy
                                apply(highContrast, scale);
                            });
                        }
                    } catch (InterruptedException | ClosedWatchServiceException e) {
                        // closed
                    }
                },
                "css-reload");
        t.setDaemon(true);
        t.start();
        LOG.info("live CSS reload from {}", liveDir);
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("closing the CSS watcher: {}", e.toString());
            }
        }
    }
}
