package no.kjernebro.core.internal.tenant;

/**
 * A tenant configuration as read, before validation. Multi-valued keys arrive as String[] from
 * ConfigAdmin but as one comma-separated string from a {@code .cfg} file; both are accepted.
 */
public record TenantSettings(
        String kommunenummer,
        String orgnr,
        String name,
        boolean enabled,
        String[] adapters,
        String helseIdClientId,
        String helseIdKeyFile,
        String[] credentialSha256,
        String[] policyOverride) {

    static TenantSettings of(TenantConfiguration c) {
        return new TenantSettings(c.kommunenummer(), c.orgnr(), c.name(), c.enabled(), c.adapters(),
                c.helseid_clientId(), c.helseid_keyFile(), c.credential_sha256(), c.policy_override());
    }
}
