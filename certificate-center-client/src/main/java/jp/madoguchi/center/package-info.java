/** Client of the issuance center: mutual TLS, typed errors, document checks. */
package jp.madoguchi.center;
