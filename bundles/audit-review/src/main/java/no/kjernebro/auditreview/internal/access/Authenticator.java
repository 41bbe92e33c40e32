package no.kjernebro.auditreview.internal.access;

import java.util.Optional;

/**
 * Checks a user name and password. An interface so the HTTP layer can be tested without a JAAS
 * realm; {@link JaasAuthenticator} is the one Karaf uses.
 */
public interface Authenticator {

    /**
     * @return the user with their roles, or empty when the credentials are wrong
     * @throws IllegalStateException when the realm itself cannot be used (misconfigured)
     */
    Optional<Auditor> authenticate(String user, char[] password);
}
