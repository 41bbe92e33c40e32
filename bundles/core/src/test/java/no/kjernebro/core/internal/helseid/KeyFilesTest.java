package no.kjernebro.core.internal.helseid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void anRsaJwkIsReadWithItsOwnKid() throws Exception {
        SigningKey key = KeyFiles.load(write("client.json", TestKeys.privateJwk(TestKeys.RSA, "selvbetjening-1")), null);
        assertThat(key.algorithm()).isEqualTo("RS256");
        assertThat(key.keyId()).isEqualTo("selvbetjening-1");
        assertThat(key.publicKey()).isEqualTo(TestKeys.RSA.getPublic());
    }

    @Test
    void anEcJwkIsReadAndAConfiguredKeyIdWins() throws Exception {
        SigningKey key = KeyFiles.load(write("client.json", TestKeys.privateJwk(TestKeys.EC, "from-file")), "configured");
        assertThat(key.algorithm()).isEqualTo("ES256");
        assertThat(key.keyId()).isEqualTo("configured");
        assertThat(TestKeys.sameEcPoint(key.publicKey(), TestKeys.EC.getPublic())).isTrue();
    }

    @Test
    void aJwkSetWithOneKeyIsAccepted() throws Exception {
        SigningKey key = KeyFiles.load(write("jwks.json", "{\"keys\":[" + TestKeys.privateJwk(TestKeys.EC, null) + "]}"), null);
        assertThat(key.keyId()).as("the thumbprint when no kid is given").isEqualTo(Jwk.thumbprint(TestKeys.EC.getPublic()));
    }

    @Test
    void pkcs8PemFilesOfBothTypesAreReadAndTheirPublicHalfDerived() throws Exception {
        SigningKey rsa = KeyFiles.load(write("rsa.pem", TestKeys.pem(TestKeys.RSA)), null);
        assertThat(rsa.algorithm()).isEqualTo("RS256");
        assertThat(rsa.publicKey()).isEqualTo(TestKeys.RSA.getPublic());
        assertThat(rsa.keyId()).isEqualTo(Jwk.thumbprint(TestKeys.RSA.getPublic()));

        SigningKey ec = KeyFiles.load(write("ec.pem", TestKeys.pem(TestKeys.EC)), null);
        assertThat(ec.algorithm()).isEqualTo("ES256");
        assertThat(TestKeys.sameEcPoint(ec.publicKey(), TestKeys.EC.getPublic())).as("d times G").isTrue();
    }

    @Test
    void theRfc7638ThumbprintMatchesTheRfcExample() {
        // RFC 7638 section 3.1
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMs"
                + "tn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n9"
                + "1CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        java.security.PublicKey key = Jwk.publicKey(Jose.parse(("{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"" + n + "\"}").getBytes()));
        assertThat(Jwk.thumbprint(key)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void badFilesAreNamedWithTheirProblemAndNoKeyMaterial() throws Exception {
        KeyPair smallRsa = TestKeys.rsa(1024);
        KeyPair p384 = TestKeys.ec("secp384r1");
        String publicOnly = Jwk.toJson(TestKeys.RSA.getPublic()).toString();
        record Bad(Path file, String expected, KeyPair pair) {
        }
        Bad[] bad = {
            new Bad(dir.resolve("missing.pem"), "cannot read key file", null),
            new Bad(write("garbage.pem", "hello"), "neither a private JWK nor a PEM", null),
            new Bad(write("broken.json", "{\"kty\":"), "not valid JSON", null),
            new Bad(write("public.json", publicOnly), "no private part", null),
            new Bad(write("pkcs1.pem", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"), "PKCS#8", null),
            new Bad(write("enc.pem", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"),
                    "encrypted", null),
            new Bad(write("notbase64.pem", "-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n"), "base64", null),
            new Bad(write("small.pem", TestKeys.pem(smallRsa)), "at least 2048", smallRsa),
            new Bad(write("small.json", TestKeys.privateJwk(smallRsa, null)), "at least 2048", smallRsa),
            new Bad(write("p384.pem", TestKeys.pem(p384)), "P-256", p384),
            new Bad(write("p384.json", "{\"kty\":\"EC\",\"crv\":\"P-384\",\"x\":\"AA\",\"y\":\"AA\",\"d\":\"AA\"}"),
                    "P-256", null),
        };
        for (Bad b : bad) {
            assertThatThrownBy(() -> KeyFiles.load(b.file(), null)).as(b.file().toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(b.file().toString())
                    .hasMessageContaining(b.expected())
                    .satisfies(e -> {
                        if (b.pair() != null) {
                            assertThat(e.getMessage()).doesNotContain(TestKeys.secretPart(b.pair()));
                            assertThat(e.getMessage()).doesNotContain(TestKeys.pem(b.pair()).substring(28, 90));
                        }
                    });
        }
    }

    @Test
    void generatedDpopKeysOfBothAlgorithms() {
        assertThat(KeyFiles.generate("ES256").algorithm()).isEqualTo("ES256");
        assertThat(KeyFiles.generate("RS256").algorithm()).isEqualTo("RS256");
        assertThatThrownBy(() -> KeyFiles.generate("HS256")).isInstanceOf(IllegalArgumentException.class);
    }
}
