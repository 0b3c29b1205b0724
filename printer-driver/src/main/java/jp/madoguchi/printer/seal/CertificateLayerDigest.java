package jp.madoguchi.printer.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import jp.madoguchi.printer.PrinterException;
import jp.madoguchi.printer.PrinterException.ErrorCode;
import jp.madoguchi.printer.seal.internal.CosCanonicalDigest;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * The "page content digest" of a seal: SHA-256 over a page's <em>certificate layer</em> — what the
 * issuer put on the page — and nothing the kiosk adds.
 *
 * <p>The layer is the page's content streams (decoded, each followed by a newline), its resources
 * (fonts, images, graphics states; hashed canonically, see {@code docs/anti-forgery.md}) and its
 * media box. When printing, the kiosk moves exactly these into a form XObject {@code
 * /MgCertificate}, so the digest of that form equals the digest of the issuer's original page: an
 * issuer can compute and sign it from its own PDF with {@link #ofPage(PDPage)}, and a verifier
 * recomputes it from the printed PDF with {@link #ofLayer(PDFormXObject)}. Any change of the
 * certificate's text, fonts, images or layout changes it; the background, the back and the QR code
 * do not.
 */
public final class CertificateLayerDigest {
    private static final byte[] DOMAIN = "MGCL1".getBytes(StandardCharsets.US_ASCII);

    private CertificateLayerDigest() {}

    /** The digest of an issuer's original page. */
    public static byte[] ofPage(PDPage page) {
        return digest(pageContent(page), page.getResources().getCOSObject(), page.getMediaBox());
    }

    /** The digest of a certificate layer as printed by the kiosk (the {@code /MgCertificate} form). */
    public static byte[] ofLayer(PDFormXObject layer) {
        byte[] content;
        try (InputStream in = layer.getContentStream().createInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new PrinterException(ErrorCode.UNSUPPORTED_DOCUMENT, "the certificate layer cannot be read", e);
        }
        COSBase resources = layer.getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.RESOURCES);
        return digest(content, resources == null ? new COSDictionary() : resources, layer.getBBox());
    }

    /** The page's content streams, decoded and each followed by a newline, as the layer keeps them. */
    static byte[] pageContent(PDPage page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Iterator<PDStream> streams = page.getContentStreams();
            while (streams.hasNext()) {
                try (InputStream in = streams.next().createInputStream()) {
                    in.transferTo(out);
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new PrinterException(ErrorCode.UNSUPPORTED_DOCUMENT, "a page content stream cannot be read", e);
        }
        return out.toByteArray();
    }

    private static byte[] digest(byte[] content, COSBase resources, PDRectangle box) {
        if (box == null) {
            throw new PrinterException(ErrorCode.UNSUPPORTED_DOCUMENT, "the page has no media box");
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        md.update(DOMAIN);
        String boxText = Float.toString(box.getLowerLeftX())
                + ' '
                + box.getLowerLeftY()
                + ' '
                + box.getUpperRightX()
                + ' '
                + box.getUpperRightY();
        put(md, 'B', boxText.getBytes(StandardCharsets.US_ASCII));
        put(md, 'C', content);
        put(md, 'R', CosCanonicalDigest.of(resources));
        return md.digest();
    }

    private static void put(MessageDigest md, char tag, byte[] value) {
        md.update((byte) tag);
        int n = value.length;
        md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        md.update(value);
    }
}
