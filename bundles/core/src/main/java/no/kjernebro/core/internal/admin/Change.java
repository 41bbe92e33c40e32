package no.kjernebro.core.internal.admin;

/**
 * The administrative changes, as audit reason codes. The code names the change that was asked for
 * whatever its outcome, so one filter finds every attempt to, say, enable an adapter; the outcome
 * (ALLOWED, REFUSED, FAILED) says what became of it.
 */
enum Change {
    TENANT_ADDED,
    TENANT_REMOVED,
    ADAPTER_ENABLED,
    ADAPTER_DISABLED
}
