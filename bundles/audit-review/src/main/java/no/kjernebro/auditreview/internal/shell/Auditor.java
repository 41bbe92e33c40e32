package no.kjernebro.auditreview.internal.shell;

import java.security.AccessController;
import java.security.Principal;
import javax.security.auth.Subject;

/**
 * Who runs a command: Karaf runs commands inside the JAAS subject of the logged-in user (console,
 * ssh, bin/client). The user principal's class is matched by simple name so this bundle need not
 * import Karaf's JAAS packages.
 */
final class Auditor {

    static final String UNKNOWN = "unknown";

    private Auditor() {
    }

    @SuppressWarnings("removal") // Subject.getSubject is the way to read the JAAS subject on Java 17
    static String name() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal p : subject.getPrincipals()) {
                if ("UserPrincipal".equals(p.getClass().getSimpleName()) && p.getName() != null && !p.getName().isBlank()) {
                    return p.getName();
                }
            }
        }
        return UNKNOWN;
    }
}
