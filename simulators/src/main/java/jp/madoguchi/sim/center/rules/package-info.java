/** The rules engine: which certificates a resident may order now, and why not. */
package jp.madoguchi.sim.center.rules;
