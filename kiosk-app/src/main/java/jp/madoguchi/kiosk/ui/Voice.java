package jp.madoguchi.kiosk.ui;

/**
 * Spoken prompts at the key moments and the card-left alarm. A kiosk without an audio device
 * stays silent; nothing here may fail the screen.
 */
public interface Voice extends AutoCloseable {
    /** The moments a prompt is spoken. */
    enum Prompt {
        /** "Please place your card." */
        PLACE_CARD,
        /** "Please enter your four-digit PIN." */
        ENTER_PIN,
        /** "Please take your certificate." */
        TAKE_PAPER,
        /** "Please take your card." */
        TAKE_CARD;

        /** The clip's file name, e.g. {@code place-card.wav}. */
        public String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".wav";
        }
    }

    /** Speaks {@code prompt} in {@code language} (Japanese when there is no clip in it). */
    void say(Prompt prompt, String language);

    /** Starts or stops the card-left alarm tone. */
    void alarm(boolean on);

    @Override
    void close();

    /** A voice that says nothing (tests, and kiosks configured without sound). */
    static Voice silent() {
        return new Voice() {
            @Override
            public void say(Prompt prompt, String language) {}

            @Override
            public void alarm(boolean on) {}

            @Override
            public void close() {}
        };
    }
}
