/**
 * The Java Card applets of the simulated My Number card: {@link
 * jp.madoguchi.sim.card.applet.MyNumberApplet} (installed as the JPKI AP and as the card-info AP)
 * and {@link jp.madoguchi.sim.card.applet.DefaultSelectedApplet} (what the card answers before an
 * AP is selected). Java Card style throughout, so they also run on a physical Java Card; they run
 * here inside jCardSim.
 */
package jp.madoguchi.sim.card.applet;
