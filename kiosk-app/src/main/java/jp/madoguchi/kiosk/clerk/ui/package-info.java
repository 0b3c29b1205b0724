/**
 * The clerk screens (JavaFX), one package per screen with a View (layout only) and a ViewModel
 * (read-only properties, no nodes, tested without the toolkit), framed by {@link
 * jp.madoguchi.kiosk.clerk.ui.ClerkWindow}. Japanese first, English bundle beside it.
 */
package jp.madoguchi.kiosk.clerk.ui;
