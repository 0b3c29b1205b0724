/** Machinery of the center client: TLS set-up, bounded body reading, document verification. */
package jp.madoguchi.center.internal;
