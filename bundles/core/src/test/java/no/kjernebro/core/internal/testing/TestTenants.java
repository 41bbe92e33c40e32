package no.kjernebro.core.internal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import no.kjernebro.core.internal.policy.AccessPolicy;
import no.kjernebro.core.internal.tenant.Credentials;
import no.kjernebro.core.internal.tenant.Tenant;

/** Demo-like tenants and one RSA key pair shared by the tests (generating keys is slow). */
public final class TestTenants {

    public static final String ALTA_KEY = "demo-alta-5601";
    public static final KeyPair KEYS = generate();

    private TestTenants() {
    }

    public static Tenant alta() {
        return new Tenant("5601", "990560102", "Alta kommune", true, Set.of("sykehjem-xml"), "kjernebro-5601",
                KEYS.getPrivate(), List.of(Credentials.parseDigest(Credentials.sha256Hex(ALTA_KEY))),
                AccessPolicy.defaults());
    }

    public static Tenant lyngenDisabled() {
        return new Tenant("5536", "990553602", "Lyngen kommune", false, Set.of(), "kjernebro-5536",
                KEYS.getPrivate(), List.of(Credentials.parseDigest(Credentials.sha256Hex("demo-lyngen-5536"))),
                AccessPolicy.defaults());
    }

    /** Writes the private key as PKCS#8 PEM, as openssl genpkey does. */
    public static Path writePrivateKey(Path dir) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try {
            return Files.writeString(dir.resolve("helseid-test.pem"), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
