/**
 * Anti-forgery for printed certificates and its offline verification.
 *
 * <p>{@link jp.madoguchi.printer.seal.AntiForgeryOverlay} turns a verified certificate PDF into
 * the sheets the printer gets (copy-evident background, the issuer's page unchanged, a signed QR
 * seal, a keyed scrambled image of the front on the back); {@link
 * jp.madoguchi.printer.seal.SealVerifier} checks such a PDF, or a seal's QR text, against trusted
 * issuer certificates. The scheme is described in {@code docs/anti-forgery.md}.
 */
package jp.madoguchi.printer.seal;
