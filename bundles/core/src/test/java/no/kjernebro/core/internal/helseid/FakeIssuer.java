package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-test HelseID issuer: discovery document and a JWKS whose keys the test can rotate. */
final class FakeIssuer implements AutoCloseable {

    record Key(String kid, String alg, PublicKey key) {
    }

    final List<Key> keys = new CopyOnWriteArrayList<>();
    final AtomicInteger jwksRequests = new AtomicInteger();
    final AtomicInteger discoveryRequests = new AtomicInteger();
    private final HttpServer server;

    FakeIssuer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> {
            discoveryRequests.incrementAndGet();
            answer(exchange, Jose.JSON.createObjectNode().put("issuer", issuer()).put("jwks_uri", issuer() + "/jwks").toString());
        });
        server.createContext("/jwks", exchange -> {
            jwksRequests.incrementAndGet();
            ObjectNode jwks = Jose.JSON.createObjectNode();
            ArrayNode array = jwks.putArray("keys");
            for (Key k : keys) {
                ObjectNode jwk = Jwk.toJson(k.key()).put("use", "sig").put("kid", k.kid());
                if (k.alg() != null) {
                    jwk.put("alg", k.alg());
                }
                array.add(jwk);
            }
            // an encryption key HelseID might publish too: must be skipped
            array.add(Jwk.toJson(TestKeys.EC.getPublic()).put("use", "enc").put("kid", "enc-1"));
            answer(exchange, jwks.toString());
        });
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
