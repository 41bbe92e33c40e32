package no.kjernebro.core.internal.lookup;

import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.tenant.Tenant;
import no.kjernebro.core.internal.tenant.TenantDirectory;

/** Steps (a) to (c): is the claimed municipality known and enabled, and did its EPJ authenticate? */
final class CallerCheck {

    /** The result: a tenant, or why the caller is refused. */
    record Result(Tenant tenant, Verdict refusal) {
        boolean passed() {
            return tenant != null;
        }
    }

    private CallerCheck() {
    }

    static Result check(TenantDirectory tenants, String kommunenummer, CallerCredential credential) {
        TenantDirectory.TenantLookup found = tenants.find(kommunenummer);
        if (found instanceof TenantDirectory.Unknown) {
            return refused(ErrorCode.UNKNOWN_TENANT, "kommunenummer " + kommunenummer + " is not a Kjernebro tenant");
        }
        if (found instanceof TenantDirectory.Unavailable u) {
            return refused(ErrorCode.TENANT_DISABLED, "tenant " + kommunenummer + " is not in service: " + u.reason());
        }
        Tenant tenant = ((TenantDirectory.Known) found).tenant();
        if (!tenant.enabled()) {
            return refused(ErrorCode.TENANT_DISABLED, "tenant " + kommunenummer + " is disabled");
        }
        if (credential == null || credential.secret() == null || credential.secret().isEmpty()) {
            return refused(ErrorCode.MISSING_CREDENTIAL, "no credential was presented");
        }
        if (!tenant.accepts(credential.secret())) {
            return refused(ErrorCode.BAD_CREDENTIAL, "the credential is not valid for tenant " + kommunenummer);
        }
        return new Result(tenant, null);
    }

    private static Result refused(ErrorCode code, String message) {
        return new Result(null, Verdict.refused(code, message));
    }
}
