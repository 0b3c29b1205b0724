package jp.madoguchi.kiosk.ui;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the prompt clips shipped under {@code jp/madoguchi/kiosk/ui/voice/<language>/} (short
 * WAVs made offline with espeak-ng) and a generated alarm tone through {@code javax.sound}. All
 * sound runs on its own thread. When the machine has no audio device the first failure is logged
 * once and the voice goes silent for good: a kiosk without speakers still works.
 */
public final class SoundVoice implements Voice {
    private static final Logger LOG = LoggerFactory.getLogger(SoundVoice.class);
    private static final float TONE_RATE = 16_000f;

    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiosk-voice");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean silent;
    private Clip speaking;
    private Clip alarm;

    @Override
    public void say(Prompt prompt, String language) {
        run(() -> {
            stop(speaking);
            speaking = open(clipStream(prompt, language));
            if (speaking != null) {
                speaking.start();
            }
        });
    }

    @Override
    public void alarm(boolean on) {
        run(() -> {
            if (!on) {
                stop(alarm);
                alarm = null;
                return;
            }
            if (alarm == null || !alarm.isRunning()) {
                alarm = openTone();
                if (alarm != null) {
                    alarm.loop(Clip.LOOP_CONTINUOUSLY);
                }
            }
        });
    }

    /** True once sound was found unavailable. */
    public boolean isSilent() {
        return silent;
    }

    private void run(Runnable sound) {
        if (silent || player.isShutdown()) {
            return;
        }
        player.execute(() -> {
            try {
                sound.run();
            } catch (RuntimeException e) {
                goSilent(e);
            }
        });
    }

    private static InputStream clipStream(Prompt prompt, String language) {
        InputStream in = SoundVoice.class.getResourceAsStream("voice/" + language + "/" + prompt.fileName());
        if (in == null) {
            in = SoundVoice.class.getResourceAsStream("voice/ja/" + prompt.fileName());
        }
        if (in == null) {
            throw new IllegalStateException("missing voice clip voice/ja/" + prompt.fileName());
        }
        return new BufferedInputStream(in);
    }

    private Clip open(InputStream in) {
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(in)) {
            Clip clip = AudioSystem.getClip();
            clip.open(audio);
            return clip;
        } catch (LineUnavailableException | UnsupportedAudioFileException | IOException | IllegalArgumentException e) {
            goSilent(e);
            return null;
        }
    }

    /** A 0.25 s 880 Hz beep followed by 0.25 s of silence, looped. */
    private Clip openTone() {
        int samples = (int) (TONE_RATE / 2);
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples / 2; i++) {
            short v = (short) (Math.sin(2 * Math.PI * 880 * i / TONE_RATE) * 12_000);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        try {
            Clip clip = AudioSystem.getClip();
            clip.open(new AudioFormat(TONE_RATE, 16, 1, true, false), pcm, 0, pcm.length);
            return clip;
        } catch (LineUnavailableException | IllegalArgumentException e) {
            goSilent(e);
            return null;
        }
    }

    private void goSilent(Exception e) {
        if (!silent) {
            silent = true;
            LOG.info("no sound on this machine ({}): voice prompts and the alarm tone are off", e.toString());
        }
    }

    private static void stop(Clip clip) {
        if (clip != null) {
            clip.stop();
            clip.close();
        }
    }

    @Override
    public void close() {
        run(() -> {
            stop(speaking);
            stop(alarm);
        });
        player.shutdown();
        try {
            player.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
