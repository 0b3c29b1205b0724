/** Test support shared by all modules; used with {@code test} scope only. */
package jp.madoguchi.testing;
