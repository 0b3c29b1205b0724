/** IPP transport over the JDK HTTP client. */
package jp.madoguchi.printer.ipp.internal;
