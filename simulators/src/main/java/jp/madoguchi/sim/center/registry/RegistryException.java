package jp.madoguchi.sim.center.registry;

/** The registry database could not be opened, read or written. */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
