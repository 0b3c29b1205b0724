package jp.madoguchi.center.internal;

import java.io.IOException;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** Reads a response body, refusing it once it grows past a limit (never buffers more). */
public final class BoundedBody {
    private BoundedBody() {}

    /** The body bytes, or null when the body is longer than {@code limit}. */
    public static byte[] read(ResponseBody body, long limit) throws IOException {
        long declared = body.contentLength();
        if (declared > limit) {
            return null;
        }
        BufferedSource source = body.source();
        if (source.request(limit + 1)) {
            return null;
        }
        return source.getBuffer().readByteArray();
    }
}
