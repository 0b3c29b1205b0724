package jp.madoguchi.sim.center.registry;

/** A certificate type as a municipality offers it at kiosks: fee per copy and copies per order. */
public record Offer(int feeYen, int maxCopies) {}
