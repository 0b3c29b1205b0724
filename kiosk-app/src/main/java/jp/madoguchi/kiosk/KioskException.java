package jp.madoguchi.kiosk;

/** The one unchecked root exception of kiosk-app; its code says what to do. */
public class KioskException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final KioskErrorCode code;

    public KioskException(KioskErrorCode code, String message, Throwable cause) {
        super(message + " — " + code.advice(), cause);
        this.code = code;
    }

    public KioskException(KioskErrorCode code, String message) {
        this(code, message, null);
    }

    public KioskErrorCode code() {
        return code;
    }
}
