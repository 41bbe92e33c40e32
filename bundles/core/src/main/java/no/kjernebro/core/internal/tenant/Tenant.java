package no.kjernebro.core.internal.tenant;

import java.security.PrivateKey;
import java.util.List;
import java.util.Set;
import no.kjernebro.core.internal.policy.AccessPolicy;

/**
 * A municipality served by Kjernebro, as its validated configuration describes it.
 *
 * @param adapters ids of the adapters the municipality has enabled
 * @param helseIdKey the private key its HelseID client signs client assertions with
 * @param credentialHashes SHA-256 digests of the API keys / bearer tokens its EPJ presents
 * @param policy the default access policy with the tenant's overrides applied
 */
public record Tenant(
        String kommunenummer,
        String orgnr,
        String name,
        boolean enabled,
        Set<String> adapters,
        String helseIdClientId,
        PrivateKey helseIdKey,
        List<byte[]> credentialHashes,
        AccessPolicy policy) {

    public Tenant {
        adapters = Set.copyOf(adapters);
        credentialHashes = List.copyOf(credentialHashes);
    }

    /** True when the presented secret hashes to one of the stored digests. */
    public boolean accepts(String secret) {
        return Credentials.matches(secret, credentialHashes);
    }

    // Keys and digests stay out of log lines.
    @Override
    public String toString() {
        return "Tenant[" + kommunenummer + " " + name + ", orgnr=" + orgnr + ", enabled=" + enabled
                + ", adapters=" + adapters + ", client=" + helseIdClientId + "]";
    }
}
