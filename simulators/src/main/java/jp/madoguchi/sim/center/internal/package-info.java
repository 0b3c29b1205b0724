/** Machinery of the center simulator: HTTP handlers, card validation, challenges, sessions, faults. */
package jp.madoguchi.sim.center.internal;
