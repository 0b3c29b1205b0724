package jp.madoguchi.sim.center.documents;

/**
 * A rendered certificate PDF whose per-document stamp (document number and id, in an
 * uncompressed content stream) is still a fixed-length placeholder at {@code stampOffsets}.
 * Stamping copies the bytes and overwrites the placeholders, so the personal content is drawn
 * once per resident and day while every document still carries its own binding.
 */
public record RenderedTemplate(byte[] pdf, int pages, int[] stampOffsets) {}
