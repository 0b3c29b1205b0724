package jp.madoguchi.sim.center;

/** The center simulator could not start (port in use, unreadable data directory, broken PKI files). */
public final class CenterSimulatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CenterSimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
