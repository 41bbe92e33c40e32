package no.kjernebro.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.kjernebro.api.audit.AuditCheckpoint;

/**
 * The key that signs checkpoints and the public keys that verify them (the signing key's own, and
 * those of earlier key ids kept for rotation). A checkpoint signs this canonical form
 * ({@link CanonicalForm}: length-prefixed UTF-8 fields, in this order):
 * <pre>
 * kjb-audit-checkpoint-v1
 * chain, chain_seq, head_hash, count, time (UTC, 6 fraction digits), key_id, algorithm
 * </pre>
 */
final class CheckpointKeys {

    private final PrivateKey signingKey;
    private final String keyId;
    private final Map<String, PublicKey> trusted;

    private CheckpointKeys(PrivateKey signingKey, String keyId, Map<String, PublicKey> trusted) {
        this.signingKey = signingKey;
        this.keyId = keyId;
        this.trusted = Map.copyOf(trusted);
    }

    /** Keys that can verify but not sign (no key file configured). */
    static CheckpointKeys verifyOnly(Map<String, PublicKey> trusted) {
        return new CheckpointKeys(null, null, trusted);
    }

    static CheckpointKeys of(PrivateKey signingKey, String keyId, Map<String, PublicKey> trusted) {
        return new CheckpointKeys(signingKey, keyId, trusted);
    }

    /**
     * Loads the configured keys.
     *
     * @param keyFile PKCS#8 PEM; blank for none (checkpoints cannot be written)
     * @param trustedKeys {@code keyId=public key}, the key as PEM text, a path to a PEM file or base64 DER
     * @throws GeneralSecurityException when a key cannot be read, or the signing key's public half is
     *         unknown (an EC key without its public point and without a trustedKeys entry)
     */
    static CheckpointKeys load(String keyFile, String keyId, String[] trustedKeys)
            throws IOException, GeneralSecurityException {
        Map<String, PublicKey> trusted = new HashMap<>();
        for (String entry : trustedKeys == null ? new String[0] : trustedKeys) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new GeneralSecurityException("checkpoint.trustedKeys entries are keyId=publicKey, not: " + entry);
            }
            trusted.put(entry.substring(0, eq).trim(), PemKeys.publicKey(publicKeyText(entry.substring(eq + 1).trim())));
        }
        if (keyFile == null || keyFile.isBlank()) {
            return verifyOnly(trusted);
        }
        if (keyId == null || keyId.isBlank()) {
            throw new GeneralSecurityException("checkpoint.keyId must name the key in checkpoint.keyFile");
        }
        String pem = Files.readString(Path.of(keyFile.trim()), StandardCharsets.US_ASCII);
        PrivateKey key = PemKeys.privateKey(pem);
        Optional<PublicKey> own = PemKeys.publicKeyOf(pem, key);
        if (own.isPresent()) {
            PublicKey listed = trusted.put(keyId, own.get());
            if (listed != null && !listed.equals(own.get())) {
                throw new GeneralSecurityException("checkpoint key " + keyId + " does not match its public key in"
                        + " checkpoint.trustedKeys");
            }
        } else if (!trusted.containsKey(keyId)) {
            throw new GeneralSecurityException("the public key of checkpoint key " + keyId + " is not in its file;"
                    + " add it to checkpoint.trustedKeys as " + keyId + "=<public key>");
        }
        CheckpointKeys keys = new CheckpointKeys(key, keyId, trusted);
        keys.selfTest();
        return keys;
    }

    private static String publicKeyText(String value) throws IOException {
        if (value.startsWith("-----BEGIN")) {
            return value;
        }
        Path path = Path.of(value);
        return value.length() < 4096 && Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.US_ASCII) : value;
    }

    // A key file and a trustedKeys entry that do not belong together would make every checkpoint
    // fail verification; better to refuse the configuration at once.
    private void selfTest() throws GeneralSecurityException {
        AuditCheckpoint probe = sign("_selftest", 1, HashChain.GENESIS, 1, Instant.EPOCH);
        if (verify(probe).isPresent()) {
            throw new GeneralSecurityException("checkpoint key " + keyId + " does not match its public key in"
                    + " checkpoint.trustedKeys");
        }
    }

    boolean canSign() {
        return signingKey != null;
    }

    String keyId() {
        return keyId;
    }

    /** A signed checkpoint; the time is cut to microseconds, as stored. */
    AuditCheckpoint sign(String chain, long chainSeq, String headHash, long count, Instant time)
            throws GeneralSecurityException {
        if (signingKey == null) {
            throw new IllegalStateException("no checkpoint key is configured (checkpoint.keyFile)");
        }
        String algorithm = PemKeys.algorithmFor(signingKey);
        AuditCheckpoint unsigned = new AuditCheckpoint(chain, chainSeq, headHash, count,
                time.truncatedTo(ChronoUnit.MICROS), keyId, algorithm, null);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(signingKey);
        signer.update(canonical(unsigned));
        return new AuditCheckpoint(chain, chainSeq, headHash, count, unsigned.time(), keyId, algorithm,
                Base64.getEncoder().encodeToString(signer.sign()));
    }

    /** Empty when the signature holds; otherwise why not, as a sentence. */
    Optional<String> verify(AuditCheckpoint checkpoint) {
        PublicKey key = trusted.get(checkpoint.keyId());
        if (key == null) {
            return Optional.of("it is signed with key id '" + checkpoint.keyId() + "', which is not configured or"
                    + " trusted (checkpoint.keyId, checkpoint.trustedKeys)");
        }
        if (!PemKeys.algorithmFor(key).equals(checkpoint.algorithm())) {
            return Optional.of("its algorithm " + checkpoint.algorithm() + " does not fit key " + checkpoint.keyId());
        }
        try {
            Signature verifier = Signature.getInstance(checkpoint.algorithm());
            verifier.initVerify(key);
            verifier.update(canonical(checkpoint));
            if (verifier.verify(Base64.getDecoder().decode(checkpoint.signature()))) {
                return Optional.empty();
            }
            return Optional.of("its signature does not verify with key " + checkpoint.keyId());
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return Optional.of("its signature cannot be checked (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The signed bytes. */
    static byte[] canonical(AuditCheckpoint c) {
        return new CanonicalForm("kjb-audit-checkpoint-v1")
                .field(c.chain())
                .field(c.chainSeq())
                .field(c.headHash())
                .field(c.count())
                .field(c.time())
                .field(c.keyId())
                .field(c.algorithm())
                .bytes();
    }
}
