package jp.madoguchi.kiosk.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.scene.layout.StackPane;

/**
 * Puts the screen the {@link Journey} asks for into the shell: builds each screen once (on first
 * use), refreshes its model in the resident's language, swaps it in, and tells listeners (idle
 * watch, voice, the bench) which screen is on. Runs on the JavaFX thread.
 */
public final class ScreenRouter {
    private final ScreenContext context;
    private final ShellViewModel shell;
    private final Map<ScreenId, Screen.Factory> factories;
    private final StackPane holder;
    private final Map<ScreenId, Screen> built = new EnumMap<>(ScreenId.class);
    private final List<Consumer<ScreenId>> listeners = new CopyOnWriteArrayList<>();
    private ScreenId current;
    private long lastRouteStart;

    public ScreenRouter(
            ScreenContext context, ShellViewModel shell, Map<ScreenId, Screen.Factory> factories, StackPane holder) {
        this.context = context;
        this.shell = shell;
        this.factories = Map.copyOf(factories);
        this.holder = holder;
    }

    /** Calls {@code listener} after every route, with the screen now on (also when it stayed). */
    public void onRouted(Consumer<ScreenId> listener) {
        listeners.add(listener);
    }

    /** Shows what the journey asks for now. */
    public void route() {
        lastRouteStart = System.nanoTime();
        ScreenId id = context.journey().screen();
        Screen screen = screen(id);
        screen.model().show(shell.text().get());
        if (id != current) {
            holder.getChildren().setAll(screen.view().root());
            current = id;
            shell.screen().set(id);
        }
        for (Consumer<ScreenId> listener : listeners) {
            listener.accept(id);
        }
    }

    /** When the last route started ({@link System#nanoTime()}), for the bench. */
    public long lastRouteStart() {
        return lastRouteStart;
    }

    /** The screen now on, or null before the first route. */
    public ScreenId current() {
        return current;
    }

    /**
     * Builds every screen not built yet, one per FX event, so that the first resident's screen
     * changes do not pay for building them. Call once the home screen is on.
     */
    public void prebuildInIdleTime() {
        for (ScreenId id : factories.keySet()) {
            javafx.application.Platform.runLater(() -> screen(id));
        }
    }

    /** The screen {@code id}, built on first use. */
    public Screen screen(ScreenId id) {
        return built.computeIfAbsent(id, key -> {
            Screen.Factory factory = factories.get(key);
            if (factory == null) {
                throw new IllegalStateException("no screen registered for " + key + " in ScreenCatalog");
            }
            return factory.create(context);
        });
    }
}
