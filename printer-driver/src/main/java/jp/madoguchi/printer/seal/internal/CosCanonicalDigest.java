package jp.madoguchi.printer.seal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

/**
 * A canonical SHA-256 of a PDF object graph that survives saving and re-loading the PDF (by any
 * writer that keeps object values): dictionary keys are sorted, indirect references are followed,
 * and streams are hashed by their decoded bytes when their filters are lossless general-purpose
 * ones (Flate, LZW, ASCIIHex, ASCII85, RunLength), otherwise by their raw bytes and filter entries
 * (images in DCT, JPX, JBIG2 or CCITT form). {@code /Length} and {@code /DL} never count.
 *
 * <p>Each object is hashed as a Merkle node; a reference back into the path being hashed (a cycle)
 * hashes as its depth. A budget on nodes and bytes keeps hostile PDFs bounded.
 */
public final class CosCanonicalDigest {
    private static final Set<String> GENERAL_FILTERS = Set.of(
            "FlateDecode",
            "Fl",
            "LZWDecode",
            "LZW",
            "ASCIIHexDecode",
            "AHx",
            "ASCII85Decode",
            "A85",
            "RunLengthDecode",
            "RL");
    private static final int MAX_NODES = 500_000;
    private static final long MAX_BYTES = 512L * 1024 * 1024;

    private final Map<COSBase, byte[]> done = new IdentityHashMap<>();
    private final List<COSBase> path = new ArrayList<>();
    private int nodes;
    private long bytes;

    /** Hashes one object graph. */
    public static byte[] of(COSBase root) {
        return new CosCanonicalDigest().hash(root);
    }

    /** Hashes several graphs with one budget and a shared memo (for a digest over related parts). */
    public byte[] hash(COSBase base) {
        MessageDigest md = sha256();
        feed(md, base);
        return md.digest();
    }

    /** Writes one object into its parent's digest: primitives inline, containers as their own hash. */
    private void feed(MessageDigest md, COSBase base) {
        COSBase object = base instanceof COSObject ref ? ref.getObject() : base;
        if (++nodes > MAX_NODES) {
            throw tooBig();
        }
        if (object == null || object instanceof COSNull) {
            put(md, 'n', new byte[0]);
        } else if (object instanceof COSBoolean b) {
            put(md, 'b', new byte[] {(byte) (b.getValue() ? 1 : 0)});
        } else if (object instanceof COSInteger i) {
            put(md, 'i', Long.toString(i.longValue()).getBytes(StandardCharsets.US_ASCII));
        } else if (object instanceof COSFloat f) {
            put(md, 'f', Float.toString(f.floatValue()).getBytes(StandardCharsets.US_ASCII));
        } else if (object instanceof COSName n) {
            put(md, 'N', n.getName().getBytes(StandardCharsets.UTF_8));
        } else if (object instanceof COSString s) {
            put(md, 'S', s.getBytes());
        } else {
            put(md, 'H', container(object));
        }
    }

    private byte[] container(COSBase object) {
        byte[] known = done.get(object);
        if (known != null) {
            return known;
        }
        int depth = indexInPath(object);
        if (depth >= 0) {
            MessageDigest md = sha256();
            put(md, 'C', Integer.toString(path.size() - depth).getBytes(StandardCharsets.US_ASCII));
            return md.digest();
        }
        path.add(object);
        try {
            byte[] result;
            if (object instanceof COSArray array) {
                MessageDigest md = sha256();
                md.update((byte) 'A');
                for (int k = 0; k < array.size(); k++) {
                    feed(md, array.get(k));
                }
                result = md.digest();
            } else if (object instanceof COSStream stream) {
                result = hashStream(stream);
            } else if (object instanceof COSDictionary dict) {
                result = hashDictionary('D', dict, Set.of());
            } else {
                throw new PrinterException(
                        ErrorCode.UNSUPPORTED_DOCUMENT,
                        "unexpected PDF object " + object.getClass().getSimpleName());
            }
            done.put(object, result);
            return result;
        } finally {
            path.remove(path.size() - 1);
        }
    }

    private int indexInPath(COSBase object) {
        for (int k = 0; k < path.size(); k++) {
            if (path.get(k) == object) {
                return k;
            }
        }
        return -1;
    }

    private byte[] hashDictionary(char tag, COSDictionary dict, Set<String> skipped) {
        List<COSName> keys = new ArrayList<>(dict.keySet());
        keys.sort((a, b) -> a.getName().compareTo(b.getName()));
        MessageDigest md = sha256();
        md.update((byte) tag);
        for (COSName key : keys) {
            String name = key.getName();
            if (skipped.contains(name)) {
                continue;
            }
            put(md, 'K', name.getBytes(StandardCharsets.UTF_8));
            feed(md, dict.getItem(key));
        }
        return md.digest();
    }

    private byte[] hashStream(COSStream stream) {
        boolean decode = generalFiltersOnly(stream);
        Set<String> skipped = decode ? Set.of("Length", "DL", "Filter", "DecodeParms") : Set.of("Length", "DL");
        byte[] dictHash = hashDictionary('T', stream, skipped);
        MessageDigest md = sha256();
        md.update((byte) 'T');
        md.update(dictHash);
        try (InputStream in = decode ? stream.createInputStream() : stream.createRawInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
                if (bytes > MAX_BYTES) {
                    throw tooBig();
                }
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new PrinterException(ErrorCode.UNSUPPORTED_DOCUMENT, "a PDF stream cannot be read", e);
        }
        return md.digest();
    }

    private static boolean generalFiltersOnly(COSStream stream) {
        COSBase filters = stream.getDictionaryObject(COSName.FILTER);
        if (filters == null) {
            return true;
        }
        if (filters instanceof COSName name) {
            return GENERAL_FILTERS.contains(name.getName());
        }
        if (filters instanceof COSArray array) {
            for (int k = 0; k < array.size(); k++) {
                if (!(array.getObject(k) instanceof COSName name) || !GENERAL_FILTERS.contains(name.getName())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Tag, length and value, so that no two different sequences feed the same bytes. */
    private static void put(MessageDigest md, char tag, byte[] value) {
        md.update((byte) tag);
        int n = value.length;
        md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        md.update(value);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static PrinterException tooBig() {
        return new PrinterException(ErrorCode.UNSUPPORTED_DOCUMENT, "the PDF is too large or deeply nested to seal");
    }
}
