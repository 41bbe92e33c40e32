package no.kjernebro.core.internal.tenant;

/** Finds the tenant a caller claims to be. */
public interface TenantDirectory {

    TenantLookup find(String kommunenummer);

    /** The answer: known and servable, configured but not servable, or not configured at all. */
    sealed interface TenantLookup permits Known, Unavailable, Unknown {
    }

    record Known(Tenant tenant) implements TenantLookup {
    }

    record Unavailable(String reason) implements TenantLookup {
    }

    record Unknown() implements TenantLookup {
    }
}
