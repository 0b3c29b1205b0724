package jp.madoguchi.printer.ipp;

/** The IPP {@code printer-state}, plus the case where the printer did not answer at all. */
public enum PrinterState {
    IDLE,
    PROCESSING,
    STOPPED,
    /** No answer on the network (off, unplugged, wrong address). */
    UNREACHABLE
}
