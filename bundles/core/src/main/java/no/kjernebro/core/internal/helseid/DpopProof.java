package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A DPoP proof JWT (RFC 9449 section 4): header {@code typ: dpop+jwt}, the signing algorithm and the
 * public key as {@code jwk}; claims {@code jti}, {@code htm}, {@code htu} (without query and fragment),
 * {@code iat}, the server's {@code nonce} when it asked for one, and {@code ath} when the request
 * carries an access token.
 */
public final class DpopProof {

    public static final String HEADER = "DPoP";
    public static final String NONCE_HEADER = "DPoP-Nonce";

    private DpopProof() {
    }

    /**
     * @param accessToken the token the request presents, or null (token requests)
     * @param nonce the server's latest {@code DPoP-Nonce}, or null
     */
    public static String create(SigningKey key, String method, String url, String accessToken, String nonce, Instant now) {
        ObjectNode header = Jose.JSON.createObjectNode().put("typ", "dpop+jwt");
        header.set("jwk", key.publicJwk());
        ObjectNode claims = Jose.JSON.createObjectNode()
                .put("jti", UUID.randomUUID().toString())
                .put("htm", method.toUpperCase(java.util.Locale.ROOT))
                .put("htu", htu(url))
                .put("iat", now.getEpochSecond());
        if (nonce != null && !nonce.isBlank()) {
            claims.put("nonce", nonce);
        }
        if (accessToken != null) {
            claims.put("ath", Jose.sha256Base64Url(accessToken));
        }
        return Jose.sign(header, claims, key);
    }

    /** The target URI without query and fragment (RFC 9449 section 4.2), otherwise as sent. */
    static String htu(String url) {
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        int cut = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
        return cut < 0 ? url : url.substring(0, cut);
    }
}
