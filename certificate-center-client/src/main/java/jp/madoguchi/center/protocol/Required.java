package jp.madoguchi.center.protocol;

import java.util.List;

/** Checks of required message fields, so that a message with a missing field fails to parse. */
final class Required {
    private Required() {}

    static <T> T field(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing field: " + name);
        }
        return value;
    }

    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing field: " + name);
        }
        return value;
    }

    static byte[] bytes(byte[] value, String name) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("missing field: " + name);
        }
        return value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }
}
