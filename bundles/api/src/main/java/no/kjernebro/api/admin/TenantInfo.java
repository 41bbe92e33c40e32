package no.kjernebro.api.admin;

import java.util.Set;

/**
 * A municipality as Kjernebro currently sees it.
 *
 * @param valid false when its configuration is broken; {@code problem} says why
 * @param adapters adapter ids the municipality has enabled
 */
public record TenantInfo(
        String kommunenummer,
        String orgnr,
        String name,
        boolean enabled,
        boolean valid,
        String problem,
        Set<String> adapters,
        String helseIdClientId) {

    public TenantInfo {
        adapters = adapters == null ? Set.of() : Set.copyOf(adapters);
    }
}
