package no.kjernebro.auditreview.internal.access;

import java.util.Set;

/**
 * Someone who logged in to the auditor API.
 *
 * @param name the JAAS user name
 * @param roles the roles the realm gave them
 */
public record Auditor(String name, Set<String> roles) {

    public Auditor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
