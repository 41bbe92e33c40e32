package no.kjernebro.simulator.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.kjernebro.api.identity.OrganisationNumber;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.jwt.Jwk;
import no.kjernebro.simulator.internal.jwt.JwtException;
import no.kjernebro.simulator.internal.jwt.Pem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered HelseID clients, one set of files per client in a folder:
 * {@code <clientId>.pem} (RSA or EC public key, SubjectPublicKeyInfo) and/or {@code <clientId>.jwk}
 * (a public JWK or a JWKS), and optionally {@code <clientId>.properties} with {@code tenancy}
 * ({@code single} or {@code multi}), {@code orgnr} and {@code organisations} (comma list).
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
        return client(clientId).map(c -> c.keys().get(0));
    }

    /** The client, or empty when it has no readable key. */
    Optional<RegisteredClient> client(String clientId) {
        if (clientId == null || !SAFE_ID.matcher(clientId).matches() || clientId.contains("..")) {
            return Optional.empty();
        }
        List<PublicKey> keys = new ArrayList<>();
        Path pem = folder.resolve(clientId + ".pem");
        if (Files.isRegularFile(pem)) {
            try {
                keys.add(Pem.publicKey(Files.readString(pem, StandardCharsets.US_ASCII)));
            } catch (IOException | GeneralSecurityException e) {
                LOG.warn("Public key of HelseID client {} in {} is unreadable: {}", clientId, pem, e.getMessage());
            }
        }
        Path jwk = folder.resolve(clientId + ".jwk");
        if (Files.isRegularFile(jwk)) {
            try {
                JsonNode node = Json.MAPPER.readTree(jwk.toFile());
                for (JsonNode each : node.has("keys") ? node.get("keys") : Json.MAPPER.createArrayNode().add(node)) {
                    keys.add(Jwk.publicKey(each));
                }
            } catch (IOException | JwtException e) {
                LOG.warn("JWK of HelseID client {} in {} is unreadable: {}", clientId, jwk, e.getMessage());
            }
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(metadata(clientId, List.copyOf(keys)));
    }

    private RegisteredClient metadata(String clientId, List<PublicKey> keys) {
        Path file = folder.resolve(clientId + ".properties");
        if (!Files.isRegularFile(file)) {
            return new RegisteredClient(clientId, keys, RegisteredClient.Tenancy.UNSPECIFIED, null, Set.of());
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            LOG.warn("Settings of HelseID client {} in {} are unreadable: {}", clientId, file, e.getMessage());
        }
        String tenancyText = properties.getProperty("tenancy", "").trim().toLowerCase(Locale.ROOT);
        String orgnr = blankToNull(properties.getProperty("orgnr"));
        if (orgnr != null && !OrganisationNumber.isValid(orgnr)) {
            LOG.warn("HelseID client {}: orgnr {} is not a valid organisation number; ignored", clientId, orgnr);
            orgnr = null;
        }
        Set<String> organisations = Arrays.stream(properties.getProperty("organisations", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        RegisteredClient.Tenancy tenancy = switch (tenancyText) {
            case "single" -> RegisteredClient.Tenancy.SINGLE;
            case "multi" -> RegisteredClient.Tenancy.MULTI;
            default -> orgnr != null ? RegisteredClient.Tenancy.SINGLE : RegisteredClient.Tenancy.UNSPECIFIED;
        };
        if (tenancy == RegisteredClient.Tenancy.SINGLE && orgnr == null) {
            LOG.warn("Single-tenant HelseID client {} has no orgnr; treated as unspecified", clientId);
            tenancy = RegisteredClient.Tenancy.UNSPECIFIED;
        }
        return new RegisteredClient(clientId, keys, tenancy, orgnr, organisations);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
