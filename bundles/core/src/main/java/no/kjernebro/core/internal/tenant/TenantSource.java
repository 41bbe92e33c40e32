package no.kjernebro.core.internal.tenant;

/** Service published once per tenant configuration; the registry collects them. */
public interface TenantSource {

    /** The current state; may change when the configuration is modified. */
    TenantRegistration registration();
}
