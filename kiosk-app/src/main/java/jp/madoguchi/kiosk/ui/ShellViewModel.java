package jp.madoguchi.kiosk.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The frame around every screen: the language bar, the larger-text and high-contrast toggles,
 * the cancel button and the "do you need more time?" countdown. Toolkit-free.
 */
public final class ShellViewModel {
    /** Screens that wait for the resident: they get the cancel button and the idle countdown. */
    public static final Set<ScreenId> WAITING_FOR_RESIDENT = EnumSet.of(
            ScreenId.CONSENT,
            ScreenId.PLACE_CARD,
            ScreenId.PIN,
            ScreenId.MENU,
            ScreenId.OPTIONS,
            ScreenId.COPIES,
            ScreenId.CONFIRM,
            ScreenId.PAYMENT);

    private final ScreenContext context;
    private final ObjectProperty<UiText> text = new SimpleObjectProperty<>();
    private final BooleanProperty largeText = new SimpleBooleanProperty();
    private final BooleanProperty highContrast = new SimpleBooleanProperty();
    private final ObjectProperty<ScreenId> screen = new SimpleObjectProperty<>(ScreenId.HOME);
    private final BooleanProperty cancelVisible = new SimpleBooleanProperty();
    private final BooleanProperty countdownVisible = new SimpleBooleanProperty();
    private final IntegerProperty countdownSeconds = new SimpleIntegerProperty();
    private final StringProperty largeTextLabel = new SimpleStringProperty();
    private final StringProperty contrastLabel = new SimpleStringProperty();
    private final StringProperty cancelLabel = new SimpleStringProperty();
    private final StringProperty countdownTitle = new SimpleStringProperty();
    private final StringProperty countdownBody = new SimpleStringProperty();
    private final StringProperty continueLabel = new SimpleStringProperty();
    private final StringProperty brand = new SimpleStringProperty();

    public ShellViewModel(ScreenContext context) {
        this.context = context;
        this.highContrast.set(context.settings().highContrast());
        text.set(UiText.of(context.settings().languages().get(0)));
        text.addListener((o, a, b) -> refresh());
        largeText.addListener((o, a, b) -> refresh());
        highContrast.addListener((o, a, b) -> refresh());
        countdownSeconds.addListener((o, a, b) -> refresh());
        screen.addListener((o, a, b) -> cancelVisible.set(WAITING_FOR_RESIDENT.contains(b)));
        refresh();
    }

    /** The languages on the language bar, the default first. */
    public List<String> languages() {
        return context.settings().languages();
    }

    /** A language's name in that language ("日本語", "English"), for its button. */
    public String languageName(String language) {
        return UiText.of(language).text("language.name");
    }

    public void selectLanguage(String language) {
        if (languages().contains(language) && !language.equals(text.get().language())) {
            text.set(UiText.of(language));
        }
    }

    public void toggleLargeText() {
        largeText.set(!largeText.get());
    }

    public void toggleContrast() {
        highContrast.set(!highContrast.get());
    }

    /** Cancel: ends the resident's transaction (money comes back), or goes home when none runs. */
    public void cancel() {
        if (context.journey().inTransaction()) {
            context.intents().cancel();
        } else {
            context.journey().goTo(ScreenId.HOME);
        }
    }

    /** Back to the default language (a new resident starts in it). */
    public void resetLanguage() {
        selectLanguage(languages().get(0));
        largeText.set(false);
    }

    /** The text scale to apply: the configured scale, 1.35 times with larger text. */
    public double textScale() {
        return context.settings().textScale() * (largeText.get() ? 1.35 : 1.0);
    }

    private void refresh() {
        UiText t = text.get();
        largeTextLabel.set(t.text(largeText.get() ? "shell.normalText" : "shell.largeText"));
        contrastLabel.set(t.text(highContrast.get() ? "shell.normalContrast" : "shell.highContrast"));
        cancelLabel.set(t.text("shell.cancel"));
        countdownTitle.set(t.text("idle.title"));
        countdownBody.set(t.text("idle.body", countdownSeconds.get()));
        continueLabel.set(t.text("idle.continue"));
        brand.set(t.text("shell.brand"));
    }

    public ReadOnlyObjectProperty<UiText> text() {
        return text;
    }

    public BooleanProperty largeText() {
        return largeText;
    }

    public BooleanProperty highContrast() {
        return highContrast;
    }

    public ObjectProperty<ScreenId> screen() {
        return screen;
    }

    public ReadOnlyBooleanProperty cancelVisible() {
        return cancelVisible;
    }

    public BooleanProperty countdownVisible() {
        return countdownVisible;
    }

    public IntegerProperty countdownSecondsProperty() {
        return countdownSeconds;
    }

    public ReadOnlyIntegerProperty countdownSeconds() {
        return countdownSeconds;
    }

    public ReadOnlyStringProperty largeTextLabel() {
        return largeTextLabel;
    }

    public ReadOnlyStringProperty contrastLabel() {
        return contrastLabel;
    }

    public ReadOnlyStringProperty cancelLabel() {
        return cancelLabel;
    }

    public ReadOnlyStringProperty countdownTitle() {
        return countdownTitle;
    }

    public ReadOnlyStringProperty countdownBody() {
        return countdownBody;
    }

    public ReadOnlyStringProperty continueLabel() {
        return continueLabel;
    }

    public ReadOnlyStringProperty brand() {
        return brand;
    }
}
