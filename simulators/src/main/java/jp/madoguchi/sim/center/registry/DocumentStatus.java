package jp.madoguchi.sim.center.registry;

/** Where a document stands: handed to the kiosk, confirmed printed (counted), or voided. */
public enum DocumentStatus {
    PENDING,
    ISSUED,
    VOIDED
}
