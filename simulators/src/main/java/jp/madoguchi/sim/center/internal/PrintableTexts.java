package jp.madoguchi.sim.center.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Whether the certificate typeface can draw a text, with the answers remembered: the rules check
 * a resident's name and address at every session and again at every issuance, and asking the
 * font for each character every time was a visible part of both calls. The memory is bounded
 * (forgotten wholesale when full); the typeface never changes while the center runs.
 */
public final class PrintableTexts implements Predicate<String> {
    private static final int CAPACITY = 50_000;

    private final Predicate<String> typeface;
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    public PrintableTexts(Predicate<String> typeface) {
        this.typeface = typeface;
    }

    @Override
    public boolean test(String text) {
        Boolean known = answers.get(text);
        if (known != null) {
            return known;
        }
        boolean drawable = typeface.test(text);
        if (answers.size() >= CAPACITY) {
            answers.clear();
        }
        answers.put(text, drawable);
        return drawable;
    }
}
