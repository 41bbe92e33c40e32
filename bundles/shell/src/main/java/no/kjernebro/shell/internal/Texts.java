package no.kjernebro.shell.internal;

import java.util.Collection;
import java.util.TreeSet;
import no.kjernebro.api.admin.TenantInfo;

/** How the commands word the values they print. */
final class Texts {

    private Texts() {
    }

    static String status(TenantInfo t) {
        if (!t.valid()) {
            return "NOT IN SERVICE";
        }
        return t.enabled() ? "in service" : "disabled";
    }

    static String adapters(Collection<String> ids) {
        return ids.isEmpty() ? "-" : String.join(", ", new TreeSet<>(ids));
    }
}
