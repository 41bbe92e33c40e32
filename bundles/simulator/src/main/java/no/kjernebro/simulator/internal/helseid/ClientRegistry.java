package no.kjernebro.simulator.internal.helseid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Optional;
import java.util.regex.Pattern;
import no.kjernebro.simulator.internal.jwt.Pem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered HelseID clients: one {@code <clientId>.pem} public key per client in a folder.
 * Read on every request so keys the operator drops in later work without a restart.
 */
final class ClientRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistry.class);
    // Client ids become file names: anything that could walk out of the folder is refused.
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path folder;

    ClientRegistry(Path folder) {
        this.folder = folder;
    }

    Optional<PublicKey> publicKey(String clientId) {
        if (clientId == null || !SAFE_ID.matcher(clientId).matches() || clientId.contains("..")) {
            return Optional.empty();
        }
        Path file = folder.resolve(clientId + ".pem");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pem.rsaPublicKey(Files.readString(file, StandardCharsets.US_ASCII)));
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("Public key of HelseID client {} in {} is unreadable: {}", clientId, file, e.getMessage());
            return Optional.empty();
        }
    }
}
