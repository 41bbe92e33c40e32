package no.kjernebro.core.internal.tenant;

/**
 * What one tenant configuration yielded: a servable tenant, or the problem that keeps it out of
 * service. The kommunenummer is the configured value even when the configuration is invalid, so
 * the tenant's callers are told it is disabled instead of unknown.
 */
public record TenantRegistration(String kommunenummer, Tenant tenant, String problem) {

    public boolean available() {
        return tenant != null;
    }
}
