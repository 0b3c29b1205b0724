package jp.madoguchi.kiosk.ui;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import jp.madoguchi.kiosk.config.KioskConfig;

/**
 * How the touchscreen behaves: languages, kiosk or windowed mode, text size and contrast (from
 * {@link KioskConfig.Ui}), and its timers.
 *
 * @param languages language codes offered on the language bar, the first is the default
 * @param fullScreen kiosk mode: full screen, undecorated, cursor hidden, no exit shortcuts
 * @param textScale the normal text scale (1.0 = the design size)
 * @param highContrast start in the high-contrast theme
 * @param idleWarning how long a resident may leave a screen untouched before the countdown
 * @param idleCountdown how long the countdown dialog runs before the transaction ends
 * @param endingHold how long an ending or thank-you screen stays once the card is out
 * @param liveCss windowed dev mode: reload the stylesheets from {@code cssSourceDir} when they change
 * @param cssSourceDir the source directory of the stylesheets (dev mode); null when not live
 * @param opens when the kiosk opens (Japan time), shown on the home screen
 * @param closes when it closes
 */
public record UiSettings(
        List<String> languages,
        boolean fullScreen,
        double textScale,
        boolean highContrast,
        Duration idleWarning,
        Duration idleCountdown,
        Duration endingHold,
        boolean liveCss,
        java.nio.file.Path cssSourceDir,
        java.time.LocalTime opens,
        java.time.LocalTime closes) {

    public UiSettings {
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("ui.languages: offer at least one language (e.g. [ja, en])");
        }
        if (textScale < 0.5 || textScale > 3.0) {
            throw new IllegalArgumentException("ui.textScale must be between 0.5 and 3.0, was " + textScale);
        }
        Objects.requireNonNull(idleWarning, "idleWarning");
        Objects.requireNonNull(idleCountdown, "idleCountdown");
        Objects.requireNonNull(endingHold, "endingHold");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
    }

    /**
     * The store settings of {@code ui}: 30 s untouched, then a 20 s countdown (together under the
     * engine's 60 s per screen), ending screens held 10 s.
     */
    public static UiSettings from(KioskConfig config) {
        KioskConfig.Ui ui = config.ui();
        return new UiSettings(
                ui.languages(),
                ui.fullScreen(),
                ui.textScale(),
                ui.highContrast(),
                Duration.ofSeconds(30),
                Duration.ofSeconds(20),
                Duration.ofSeconds(10),
                false,
                null,
                config.hours().opens(),
                config.hours().closes());
    }

    public UiSettings withTimers(Duration warning, Duration countdown, Duration hold) {
        return new UiSettings(
                languages,
                fullScreen,
                textScale,
                highContrast,
                warning,
                countdown,
                hold,
                liveCss,
                cssSourceDir,
                opens,
                closes);
    }

    /** Offers {@code value} on the language bar (the first is the default). */
    public UiSettings withLanguages(List<String> value) {
        return new UiSettings(
                value,
                fullScreen,
                textScale,
                highContrast,
                idleWarning,
                idleCountdown,
                endingHold,
                liveCss,
                cssSourceDir,
                opens,
                closes);
    }

    public UiSettings withFullScreen(boolean value) {
        return new UiSettings(
                languages,
                value,
                textScale,
                highContrast,
                idleWarning,
                idleCountdown,
                endingHold,
                liveCss,
                cssSourceDir,
                opens,
                closes);
    }

    /** Windowed dev mode reloading the stylesheets from {@code dir} (…/src/main/resources). */
    public UiSettings withLiveCss(java.nio.file.Path dir) {
        return new UiSettings(
                languages,
                fullScreen,
                textScale,
                highContrast,
                idleWarning,
                idleCountdown,
                endingHold,
                dir != null,
                dir,
                opens,
                closes);
    }
}
