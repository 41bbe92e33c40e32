package no.kjernebro.auditreview.internal.access;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Logs in against a JAAS realm (in Karaf: {@code karaf}, users from {@code etc/users.properties}).
 * Roles are the Subject's principals whose class is called {@code RolePrincipal}: matching by
 * simple name keeps this bundle free of a hard import of Karaf's JAAS packages.
 */
public final class JaasAuthenticator implements Authenticator {

    private static final String ROLE_PRINCIPAL = "RolePrincipal";

    private final String realm;
    private final Configuration configuration;

    /**
     * @param configuration the JAAS configuration to use, or null for the JVM's (Karaf installs its own)
     */
    public JaasAuthenticator(String realm, Configuration configuration) {
        this.realm = realm;
        this.configuration = configuration;
    }

    @Override
    public Optional<Auditor> authenticate(String user, char[] password) {
        Subject subject = new Subject();
        // LoginContext resolves login modules through the thread's context loader; Jetty's threads
        // have none that sees Karaf's proxy module, so lend ours for the login.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password),
                    configuration);
            login.login();
            Set<String> roles = subject.getPrincipals().stream()
                    .filter(p -> ROLE_PRINCIPAL.equals(p.getClass().getSimpleName()))
                    .map(Principal::getName)
                    .collect(Collectors.toSet());
            logout(login);
            return Optional.of(new Auditor(user, roles));
        } catch (javax.security.auth.login.FailedLoginException | javax.security.auth.login.AccountException e) {
            return Optional.empty();
        } catch (LoginException e) {
            if (e.getCause() == null && isNoSuchRealm(e)) {
                throw new IllegalStateException("JAAS realm '" + realm + "' is not available", e);
            }
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static boolean isNoSuchRealm(LoginException e) {
        String message = e.getMessage();
        return message != null && message.contains("No LoginModules configured");
    }

    private static void logout(LoginContext login) {
        try {
            login.logout();
        } catch (LoginException e) {
            // the roles are read already; a failing logout only leaves the throwaway Subject populated
        }
    }

    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback pw) {
                pw.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
