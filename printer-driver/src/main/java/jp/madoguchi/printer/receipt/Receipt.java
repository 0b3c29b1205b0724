package jp.madoguchi.printer.receipt;

/**
 * Something the receipt printer prints: a slip with ids, items and money, never personal data (no
 * names, addresses, card or certificate content).
 */
public sealed interface Receipt permits TransactionReceipt, RefundVoucher, CounterTicket, ClerkReport {}
