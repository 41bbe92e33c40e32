package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import no.kjernebro.api.audit.AuditCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointKeysTest {

    @TempDir
    Path dir;

    @Test
    void anOpenSslEcKeySignsAndVerifiesItsOwnCheckpoints() throws Exception {
        CheckpointKeys keys = TestKeys.ec();

        AuditCheckpoint c = keys.sign("5601", 42, "ab".repeat(32), 42, Instant.parse("2026-01-01T12:00:00.123456789Z"));

        assertThat(c.algorithm()).isEqualTo("SHA256withECDSA");
        assertThat(c.time()).isEqualTo(Instant.parse("2026-01-01T12:00:00.123456Z"));
        assertThat(keys.verify(c)).isEmpty();
        assertThat(keys.verify(new AuditCheckpoint(c.chain(), 43, c.headHash(), c.count(), c.time(), c.keyId(),
                c.algorithm(), c.signature()))).hasValueSatisfying(why -> assertThat(why).contains("does not verify"));
    }

    @Test
    void anRsaKeySignsWithSha256WithRsa() throws Exception {
        CheckpointKeys keys = TestKeys.load("checkpoint-rsa.pem", "rsa-1");

        AuditCheckpoint c = keys.sign("_system", 1, HashChain.GENESIS, 1, Instant.now());

        assertThat(c.algorithm()).isEqualTo("SHA256withRSA");
        assertThat(keys.verify(c)).isEmpty();
    }

    @Test
    void theSignedFormIsDocumentedAndStable() {
        AuditCheckpoint c = new AuditCheckpoint("5601", 7, "ab".repeat(32), 7, Instant.parse("2026-01-01T00:00:00Z"),
                "k1", "SHA256withECDSA", "ignored");

        assertThat(new String(CheckpointKeys.canonical(c), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "kjb-audit-checkpoint-v1\n4:5601\n1:7\n64:" + "ab".repeat(32) + "\n1:7\n27:2026-01-01T00:00:00.000000Z\n"
                        + "2:k1\n15:SHA256withECDSA\n");
    }

    @Test
    void anEcKeyWithoutItsPublicPointNeedsATrustedKeysEntry() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Path file = pem("jdk-ec.pem", "PRIVATE KEY", pair.getPrivate().getEncoded());
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());

        assertThatThrownBy(() -> CheckpointKeys.load(file.toString(), "jdk", new String[0]))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("checkpoint.trustedKeys");
        CheckpointKeys keys = CheckpointKeys.load(file.toString(), "jdk", new String[] {"jdk=" + publicKey});
        assertThat(keys.verify(keys.sign("5601", 1, HashChain.GENESIS, 1, Instant.now()))).isEmpty();
    }

    @Test
    void aTrustedKeyThatIsNotTheKeyFilesOwnIsRefusedAtOnce() {
        String other = TestKeys.file("checkpoint-ec.pub.pem");

        assertThatThrownBy(() -> CheckpointKeys.load(TestKeys.file("checkpoint-rsa.pem"), "rsa", new String[] {
            "rsa=" + other})).isInstanceOf(GeneralSecurityException.class).hasMessageContaining("does not match");
    }

    @Test
    void trustedKeysMayBePemFilesOrBase64AndVerifyOlderKeyIds() throws Exception {
        AuditCheckpoint old = TestKeys.ec().sign("5601", 3, HashChain.GENESIS, 3, Instant.now());
        String pubPem = Files.readString(TestKeys.path("checkpoint-ec.pub.pem"));
        String base64 = pubPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");

        CheckpointKeys byPath = TestKeys.load("checkpoint-rsa.pem", "rsa-2",
                TestKeys.KEY_ID + "=" + TestKeys.file("checkpoint-ec.pub.pem"));
        CheckpointKeys byBase64 = TestKeys.load("checkpoint-rsa.pem", "rsa-2", TestKeys.KEY_ID + "=" + base64);
        CheckpointKeys verifyOnly = CheckpointKeys.load("", "", new String[] {TestKeys.KEY_ID + "=" + base64});

        assertThat(byPath.verify(old)).isEmpty();
        assertThat(byBase64.verify(old)).isEmpty();
        assertThat(verifyOnly.verify(old)).isEmpty();
        assertThat(verifyOnly.canSign()).isFalse();
        assertThat(TestKeys.load("checkpoint-rsa.pem", "rsa-2").verify(old))
                .hasValueSatisfying(why -> assertThat(why).contains("not configured or trusted"));
    }

    @Test
    void unsuitableKeyFilesAreRefusedWithAClearReason() throws Exception {
        Path sec1 = dir.resolve("sec1.pem");
        Files.writeString(sec1, "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        Path small = pem("small.pem", "PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());

        assertThatThrownBy(() -> CheckpointKeys.load(sec1.toString(), "k", null))
                .hasMessageContaining("PKCS#8").hasMessageContaining("openssl pkcs8");
        assertThatThrownBy(() -> CheckpointKeys.load(small.toString(), "k", null)).hasMessageContaining("2048");
        assertThatThrownBy(() -> CheckpointKeys.load(TestKeys.file("checkpoint-ec.pem"), " ", null))
                .hasMessageContaining("checkpoint.keyId");
        assertThatThrownBy(() -> CheckpointKeys.load("", "", new String[] {"no-equals-sign"}))
                .hasMessageContaining("keyId=publicKey");
    }

    private Path pem(String name, String label, byte[] der) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + label + "-----\n");
        return file;
    }
}
