/**
 * The issuance-center simulator: a real HTTPS server speaking protocol {@code /v1} with mutual
 * TLS, JPKI card validation (chain, validity, OCSP with CRL fallback), a SQLite registry of
 * municipalities and residents, a rules engine, signed PDF certificates, an admin API and
 * scripted faults. Usable from tests like a mock server: start on port 0, script faults, read
 * back what the kiosk sent.
 */
package jp.madoguchi.sim.center;
