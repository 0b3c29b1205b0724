package jp.madoguchi.sim.resident;

/** Edge cases of the issuance rules that a synthetic resident exhibits. */
public enum ResidentFlag {
    /** Moved out of the municipality (転出済): blocked. */
    MOVED_OUT,
    /** Filed a move-out notification (転出届): the resident and the household are blocked. */
    MOVE_OUT_FILED,
    /** Holder of DV support measures (支援措置): blocked. */
    DV_SUPPORT,
    /** Deceased (死亡): blocked. */
    DECEASED,
    /** Moved in on the day of the request (転入当日): blocked that day. */
    MOVED_IN_TODAY,
    /** A 戸籍 notification is being processed: 戸籍 certificates are held. */
    KOSEKI_NOTIFICATION_PENDING,
    /** Name longer than the system's character limit: cannot be printed at kiosks. */
    LONG_NAME,
    /** Name with a character outside the kiosk typeface (e.g. 𠮷): cannot be printed at kiosks. */
    RARE_CHARACTER
}
