package no.kjernebro.api.admin;

import java.util.List;
import java.util.Set;

/**
 * What an operator gives to add a municipality.
 *
 * @param credentialSha256 lowercase hex SHA-256 of each API key the municipality's EPJ systems may present
 */
public record NewTenant(
        String kommunenummer,
        String orgnr,
        String name,
        String helseIdClientId,
        String helseIdKeyFile,
        List<String> credentialSha256,
        Set<String> adapters) {

    public NewTenant {
        credentialSha256 = credentialSha256 == null ? List.of() : List.copyOf(credentialSha256);
        adapters = adapters == null ? Set.of() : Set.copyOf(adapters);
    }
}
