/** The center's registry: municipality service configuration and the SQLite store of residents, issuances and the audit log. */
package jp.madoguchi.sim.center.registry;
