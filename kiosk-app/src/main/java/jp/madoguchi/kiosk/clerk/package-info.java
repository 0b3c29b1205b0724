/**
 * Clerk mode (issue 7): entry by clerk PIN (salted slow hash, lockout) or maintenance key switch,
 * the device dashboard, test prints, paper, the coin box, transaction look-up, audited manual
 * refunds and the log export, bundled by {@link jp.madoguchi.kiosk.clerk.ClerkMode}. Clerk mode
 * never shows a resident's data: every value it handles is an id, a state, a code, a count or an
 * amount, and its records (table {@code clerk_event}) hold nothing else.
 */
package jp.madoguchi.kiosk.clerk;
