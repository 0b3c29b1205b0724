/** Certificate PDFs laid out like municipal certificates, and the municipality's signature with the binding metadata. */
package jp.madoguchi.sim.center.documents;
