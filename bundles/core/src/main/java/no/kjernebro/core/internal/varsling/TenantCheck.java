package no.kjernebro.core.internal.varsling;

import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.tenant.Tenant;
import no.kjernebro.core.internal.tenant.TenantDirectory;

/**
 * May this municipality ask Legemiddelvarsling through this adapter? The caller (a sweep inside
 * Kjernebro) has already authenticated the EPJ; what is left is known, enabled, adapter enabled.
 */
final class TenantCheck {

    /** A tenant that may ask, or why not (with the tenant when it was found). */
    record Result(Tenant tenant, ErrorCode refusal, String message) {
        boolean passed() {
            return refusal == null;
        }
    }

    private TenantCheck() {
    }

    static Result check(TenantDirectory tenants, String kommunenummer, String adapterId) {
        TenantDirectory.TenantLookup found = tenants.find(kommunenummer);
        if (found instanceof TenantDirectory.Unknown) {
            return new Result(null, ErrorCode.UNKNOWN_TENANT, "kommunenummer " + kommunenummer + " is not a Kjernebro tenant");
        }
        if (found instanceof TenantDirectory.Unavailable u) {
            return new Result(null, ErrorCode.TENANT_DISABLED, "tenant " + kommunenummer + " is not in service: " + u.reason());
        }
        Tenant tenant = ((TenantDirectory.Known) found).tenant();
        if (!tenant.enabled()) {
            return new Result(tenant, ErrorCode.TENANT_DISABLED, "tenant " + kommunenummer + " is disabled");
        }
        if (!tenant.adapters().contains(adapterId)) {
            return new Result(tenant, ErrorCode.ADAPTER_NOT_ENABLED,
                    "tenant " + kommunenummer + " has not enabled adapter " + adapterId);
        }
        return new Result(tenant, null, null);
    }
}
