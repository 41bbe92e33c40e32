package no.kjernebro.auditreview.internal.access;

import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

/**
 * A JAAS login module like Karaf's properties module: auditor/auditor has the roles auditor and
 * viewer, admin/admin has admin.
 */
public final class TestLoginModule implements LoginModule {

    private static final Map<String, String> PASSWORDS = Map.of("auditor", "auditor", "admin", "admin");
    private static final Map<String, Set<String>> ROLES = Map.of("auditor", Set.of("auditor", "viewer"),
            "admin", Set.of("admin"));

    private Subject subject;
    private CallbackHandler handler;
    private final Set<Principal> added = new HashSet<>();
    private String user;

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw new LoginException(e.getMessage());
        }
        String expected = PASSWORDS.get(name.getName());
        if (expected == null || !expected.equals(new String(password.getPassword()))) {
            throw new FailedLoginException("bad credentials");
        }
        user = name.getName();
        return true;
    }

    @Override
    public boolean commit() {
        added.add(() -> user);
        ROLES.get(user).forEach(role -> added.add(new RolePrincipal(role)));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        return true;
    }
}
