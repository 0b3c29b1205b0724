/** Machinery of the seal: canonical PDF digest, background, QR image, scrambler, Base45. */
package jp.madoguchi.printer.seal.internal;
