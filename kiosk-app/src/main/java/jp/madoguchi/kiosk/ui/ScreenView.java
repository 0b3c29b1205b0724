package jp.madoguchi.kiosk.ui;

import javafx.scene.Parent;

/** The layout of one screen: built once, bound to its {@link ScreenModel}'s properties. */
public interface ScreenView {
    /** The screen's root node, placed in the middle of the {@link KioskShell}. */
    Parent root();
}
