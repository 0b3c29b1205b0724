/**
 * The resident's touchscreen (JavaFX): a view of the transaction engine's state that sends the
 * resident's intents and nothing else.
 *
 * <h2>How it fits together</h2>
 *
 * <ul>
 *   <li>{@link jp.madoguchi.kiosk.ui.KioskWindow} owns the one Stage and Scene: the {@link
 *       jp.madoguchi.kiosk.ui.KioskShell} frame (language bar, larger text, high contrast, cancel,
 *       idle countdown), the {@link jp.madoguchi.kiosk.ui.Theme}, the {@link
 *       jp.madoguchi.kiosk.ui.Voice} and the {@link jp.madoguchi.kiosk.ui.IdleWatch}.
 *   <li>The engine's {@code EngineSnapshot}s go (on the FX thread) into the {@link
 *       jp.madoguchi.kiosk.ui.Journey}, which also keeps the resident's own steps and the draft
 *       order; {@link jp.madoguchi.kiosk.ui.Journey#screen()} decides the screen and the {@link
 *       jp.madoguchi.kiosk.ui.ScreenRouter} puts it on.
 *   <li>Words come from {@code messages*.properties} through {@link jp.madoguchi.kiosk.ui.UiText};
 *       no text in code.
 * </ul>
 *
 * <h2>Adding a screen</h2>
 *
 * <ol>
 *   <li>Make a package {@code jp.madoguchi.kiosk.ui.<screen>} with {@code XxxViewModel implements
 *       ScreenModel} (read-only properties, no nodes; {@code show(UiText)} refreshes them from the
 *       journey; methods for the resident's touches that call {@link
 *       jp.madoguchi.kiosk.ui.ResidentIntents} or {@link jp.madoguchi.kiosk.ui.Journey#goTo}) and
 *       {@code XxxView implements ScreenView} (layout only, bound to the model; build it on
 *       {@link jp.madoguchi.kiosk.ui.ScreenPane}, use {@link jp.madoguchi.kiosk.ui.TouchButton}
 *       for anything touched).
 *   <li>Its CSS, if any, goes at the same path under {@code src/main/resources} and is added with
 *       {@link jp.madoguchi.kiosk.ui.UiResources#require} (see {@code pin/pin.css}).
 *   <li>Add a {@link jp.madoguchi.kiosk.ui.ScreenId}, register the pair in {@link
 *       jp.madoguchi.kiosk.ui.ScreenCatalog}, and add its keys to every {@code messages_*.properties}.
 *   <li>Test the model without the toolkit (a {@code Journey} fed with snapshots and a recording
 *       {@code ResidentIntents}); add a headless flow in {@code KioskFlowTest} if it changes the journey.
 * </ol>
 *
 * <p>A different set of screens (the clerk's) can reuse {@code ScreenRouter}, {@code Theme},
 * {@code UiText}, {@code KioskFonts}, {@code TouchButton} and {@code ScreenPane} with its own
 * catalogue and its own state in place of {@code Journey}.
 */
package jp.madoguchi.kiosk.ui;
