package no.kjernebro.core.internal.tenant;

import java.security.PrivateKey;
import java.util.List;
import java.util.Set;
import no.kjernebro.core.internal.helseid.SigningKey;
import no.kjernebro.core.internal.policy.AccessPolicy;

/**
 * A municipality served by Kjernebro, as its validated configuration describes it.
 *
 * @param adapters ids of the adapters the municipality has enabled
 * @param helseId how it gets HelseID system tokens (its own client, or the shared multi-tenant one)
 * @param credentialHashes SHA-256 digests of the API keys / bearer tokens its EPJ presents
 * @param policy the default access policy with the tenant's overrides applied
 */
public record Tenant(
        String kommunenummer,
        String orgnr,
        String name,
        boolean enabled,
        Set<String> adapters,
        TenantHelseId helseId,
        List<byte[]> credentialHashes,
        AccessPolicy policy) {

    public Tenant {
        adapters = Set.copyOf(adapters);
        credentialHashes = List.copyOf(credentialHashes);
    }

    /** A tenant with its own (single-tenant) HelseID client signing with an RSA key. */
    public Tenant(String kommunenummer, String orgnr, String name, boolean enabled, Set<String> adapters,
                  String helseIdClientId, PrivateKey helseIdKey, List<byte[]> credentialHashes, AccessPolicy policy) {
        this(kommunenummer, orgnr, name, enabled, adapters,
                TenantHelseId.single(helseIdClientId, SigningKey.of(helseIdKey)), credentialHashes, policy);
    }

    /** Its own HelseID client id; null for a tenant served by the multi-tenant client. */
    public String helseIdClientId() {
        return helseId.clientId();
    }

    /** Its own client's private key; null for a tenant served by the multi-tenant client. */
    public PrivateKey helseIdKey() {
        return helseId.key() == null ? null : helseId.key().privateKey();
    }

    /** True when the presented secret hashes to one of the stored digests. */
    public boolean accepts(String secret) {
        return Credentials.matches(secret, credentialHashes);
    }

    // Keys and digests stay out of log lines.
    @Override
    public String toString() {
        return "Tenant[" + kommunenummer + " " + name + ", orgnr=" + orgnr + ", enabled=" + enabled
                + ", adapters=" + adapters + ", HelseID " + helseId + "]";
    }
}
