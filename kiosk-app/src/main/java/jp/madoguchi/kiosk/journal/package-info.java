/**
 * The crash-safe journal and fee ledger in SQLite (WAL, synchronous=FULL, Flyway migrations):
 * transaction events written before each side effect, ordered documents, cash movements and one
 * ledger entry per printed copy. It holds ids, types, counts, money and error codes only.
 */
package jp.madoguchi.kiosk.journal;
