package no.kjernebro.core.internal.helseid;

import java.security.PublicKey;

/**
 * A public key from the issuer's JWKS.
 *
 * @param keyId its {@code kid}, or null
 * @param algorithm the {@code alg} the JWKS pins it to, or null
 */
public record VerificationKey(String keyId, String algorithm, PublicKey key) {
}
