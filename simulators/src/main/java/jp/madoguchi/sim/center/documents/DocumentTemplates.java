package jp.madoguchi.sim.center.documents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded cache of rendered certificates, keyed by everything that shapes their content
 * (residents, type, options, issuer, day). Only the per-document stamp differs between two
 * documents from one entry, and it is applied to a fresh copy each time.
 */
public final class DocumentTemplates {
    private final int capacity;
    private final Map<Object, RenderedTemplate> entries;
    private long hits;
    private long misses;

    public DocumentTemplates(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, RenderedTemplate> eldest) {
                return size() > DocumentTemplates.this.capacity;
            }
        };
    }

    /** The template for {@code key}, rendered by {@code render} when absent. */
    public RenderedTemplate get(Object key, Supplier<RenderedTemplate> render) {
        synchronized (this) {
            RenderedTemplate t = entries.get(key);
            if (t != null) {
                hits++;
                return t;
            }
            misses++;
        }
        RenderedTemplate rendered = render.get();
        synchronized (this) {
            entries.put(key, rendered);
        }
        return rendered;
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }
}
