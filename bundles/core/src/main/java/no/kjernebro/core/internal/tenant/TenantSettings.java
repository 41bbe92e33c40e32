package no.kjernebro.core.internal.tenant;

/**
 * A tenant configuration as read, before validation. Multi-valued keys arrive as String[] from
 * ConfigAdmin but as one comma-separated string from a {@code .cfg} file; both are accepted.
 * The {@code helseId*} values after {@code policyOverride} may be null (their defaults apply).
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
        String[] policyOverride,
        String helseIdMode,
        String helseIdKeyId,
        String helseIdDpop,
        String helseIdDpopKeyFile) {

    /** A single-tenant configuration with the HelseID defaults (own client, kid from the key, global DPoP switch). */
    public TenantSettings(String kommunenummer, String orgnr, String name, boolean enabled, String[] adapters,
                          String helseIdClientId, String helseIdKeyFile, String[] credentialSha256,
                          String[] policyOverride) {
        this(kommunenummer, orgnr, name, enabled, adapters, helseIdClientId, helseIdKeyFile, credentialSha256,
                policyOverride, null, null, null, null);
    }

    static TenantSettings of(TenantConfiguration c) {
        return new TenantSettings(c.kommunenummer(), c.orgnr(), c.name(), c.enabled(), c.adapters(),
                c.helseid_clientId(), c.helseid_keyFile(), c.credential_sha256(), c.policy_override(),
                c.helseid_mode(), c.helseid_keyId(), c.helseid_dpop(), c.helseid_dpopKeyFile());
    }
}
