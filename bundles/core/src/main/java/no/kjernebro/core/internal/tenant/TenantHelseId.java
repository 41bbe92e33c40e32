package no.kjernebro.core.internal.tenant;

import no.kjernebro.core.internal.helseid.SigningKey;

/**
 * How a municipality gets its HelseID system tokens.
 *
 * @param mode SINGLE: its own HelseID client; MULTI: Kjernebro's shared multi-tenant client naming the
 *        municipality's organisation number in each token request
 * @param clientId its own client id (SINGLE), else null
 * @param key the key its own client signs assertions with (SINGLE), else null
 * @param dpopKey the DPoP key its own client uses when configured ({@code helseid.dpopKeyFile}); null: one
 *        is generated per client at start
 * @param dpop whether tokens are requested DPoP-bound; null: the global {@code helseid.dpop}
 */
public record TenantHelseId(Mode mode, String clientId, SigningKey key, SigningKey dpopKey, Boolean dpop) {

    public enum Mode { SINGLE, MULTI }

    public static TenantHelseId single(String clientId, SigningKey key) {
        return new TenantHelseId(Mode.SINGLE, clientId, key, null, null);
    }

    public static TenantHelseId multi() {
        return new TenantHelseId(Mode.MULTI, null, null, null, null);
    }

    public boolean multiTenant() {
        return mode == Mode.MULTI;
    }

    @Override
    public String toString() {
        return mode == Mode.MULTI ? "multi-tenant client" : "client " + clientId + " (kid " + (key == null ? "-" : key.keyId()) + ")";
    }
}
