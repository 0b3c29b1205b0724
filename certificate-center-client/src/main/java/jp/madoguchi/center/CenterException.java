package jp.madoguchi.center;

import java.util.Locale;
import jp.madoguchi.center.protocol.ErrorCode;

/**
 * The one unchecked exception of the center client. {@link #code()} is the wire code (the
 * center's refusal, or the client's own failure such as {@link ErrorCode#DOCUMENT_INVALID});
 * {@link #residentMessage(Locale)} is what the kiosk shows the resident. The exception message is
 * for developers and holds no personal data.
 */
public final class CenterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int httpStatus;

    public CenterException(ErrorCode code, String message) {
        this(code, message, 0, null);
    }

    public CenterException(ErrorCode code, String message, Throwable cause) {
        this(code, message, 0, cause);
    }

    public CenterException(ErrorCode code, String message, int httpStatus, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public ErrorCode code() {
        return code;
    }

    /** The HTTP status the center answered, or 0 when no answer was received or it was not used. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Key of the resident-facing message in {@code jp.madoguchi.center.messages}. */
    public String messageKey() {
        return code.messageKey();
    }

    /** The resident-facing message in {@code locale} (Japanese if there is no bundle for it). */
    public String residentMessage(Locale locale) {
        return ResidentMessages.forLocale(locale).text(code);
    }
}
