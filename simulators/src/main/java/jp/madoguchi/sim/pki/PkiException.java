package jp.madoguchi.sim.pki;

/** The simulators' PKI could not load, create or use its keys and certificates. */
public final class PkiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
