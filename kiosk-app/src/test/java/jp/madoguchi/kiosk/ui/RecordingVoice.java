package jp.madoguchi.kiosk.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A voice that remembers what it was asked to say, for the flow tests. */
final class RecordingVoice implements Voice {
    final List<Prompt> said = new CopyOnWriteArrayList<>();
    volatile boolean alarmOn;

    @Override
    public void say(Prompt prompt, String language) {
        said.add(prompt);
    }

    @Override
    public void alarm(boolean on) {
        alarmOn = on;
    }

    @Override
    public void close() {}
}
