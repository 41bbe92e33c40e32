package no.kjernebro.auditreview.internal.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;

/** A shell session that captures output and answers prompts, and a way to run as a logged-in Karaf user. */
final class FakeShell {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final Deque<String> answers = new ArrayDeque<>();
    final Session session;
    Path currentDir;

    FakeShell() {
        PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConsole" -> console;
                    case "readLine" -> {
                        console.print(args[0]);
                        yield answers.poll();
                    }
                    case "currentDir" -> currentDir;
                    case "get" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static <T> T as(String user, PrivilegedExceptionAction<T> action) throws Exception {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal("auditor"));
        try {
            return Subject.doAs(subject, action);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
