package no.kjernebro.auditreview.internal.access;

import java.security.Principal;

/** Stands in for Karaf's RolePrincipal: the authenticator recognises roles by this simple name. */
public final class RolePrincipal implements Principal {
    private final String name;

    public RolePrincipal(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }
}
