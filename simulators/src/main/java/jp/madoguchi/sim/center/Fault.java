package jp.madoguchi.sim.center;

import java.time.Duration;

/**
 * A scripted fault for the next {@code count} API requests whose path starts with {@code
 * pathPrefix} ("" for every path; {@code *} stands for one path segment, e.g. {@code
 * /v1/sessions/*&#47;issuances}). {@code delay} is used by {@link Kind#DELAY}.
 */
public record Fault(Kind kind, String pathPrefix, int count, Duration delay) {
    /** What the center does instead of (or before) answering normally. */
    public enum Kind {
        /** Wait {@code delay}, then answer normally (a delay longer than the client's limit is a timeout). */
        DELAY,
        /** Answer 500 with a plain-text body. */
        SERVER_ERROR,
        /** Close the connection without answering. */
        DROP_CONNECTION,
        /** Answer 200 with a JSON content type and a body that is not JSON. */
        GARBAGE_BODY,
        /** Answer 200 with text/html. */
        WRONG_CONTENT_TYPE,
        /** Answer 200 with a JSON body of several megabytes. */
        OVERSIZED_BODY,
        /** Issue documents correctly signed but bound to another session (a mis-issuance). */
        MISMATCHED_BINDING,
        /** Issue documents whose content differs from the signed hash (tampering in transit). */
        TAMPERED_CONTENT,
        /** Issue the tax certificate correctly signed, but for the year before the one ordered. */
        WRONG_FISCAL_YEAR
    }

    public Fault {
        pathPrefix = pathPrefix == null ? "" : pathPrefix;
        delay = delay == null ? Duration.ZERO : delay;
        if (count < 1) {
            throw new IllegalArgumentException("a fault applies to at least one request");
        }
    }

    public static Fault of(Kind kind, String pathPrefix, int count) {
        return new Fault(kind, pathPrefix, count, Duration.ZERO);
    }

    public boolean matches(String path) {
        if (!pathPrefix.contains("*")) {
            return path.startsWith(pathPrefix);
        }
        String regex = java.util.Arrays.stream(pathPrefix.split("\\*", -1))
                .map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("[^/]*"));
        return path.matches(regex + ".*");
    }
}
