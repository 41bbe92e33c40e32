package no.kjernebro.core.internal.helseid;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@code DPoP-Nonce} each server (scheme, host and port) of one kind sent: the token
 * endpoint and the resource servers each have their own instance. RFC 9449 lets a server
 * rotate its nonce in any answer; sending the newest one up front saves most nonce round trips.
 */
final class DpopNonces {

    // Bounded by the number of configured servers (HelseID and the kjernejournal APIs); a cap guards mistakes.
    private static final int MAX_SERVERS = 64;

    private final Map<String, String> latest = new ConcurrentHashMap<>();

    String latest(String url) {
        return latest.get(origin(url));
    }

    void remember(String url, String nonce) {
        if (nonce == null || nonce.isBlank()) {
            return;
        }
        if (latest.size() >= MAX_SERVERS) {
            latest.clear();
        }
        latest.put(origin(url), nonce.trim());
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return (uri.getScheme() + "://" + uri.getHost() + ":" + port).toLowerCase(Locale.ROOT);
    }
}
