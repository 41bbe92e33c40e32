package no.kjernebro.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Session;

/** A shell session that captures what a command prints, and a way to run a command as a logged-in user. */
final class FakeShell {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final Map<String, Object> variables = new HashMap<>();
    final Session session;

    FakeShell() {
        PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConsole" -> console;
                    case "get" -> variables.get((String) args[0]);
                    case "put" -> variables.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs the action inside the JAAS subject Karaf gives a user who logged in. */
    static <T> T as(String user, PrivilegedExceptionAction<T> action) throws Exception {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal("admin"));
        try {
            return Subject.doAs(subject, action);
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        }
    }

    /** A command line whose cursor is at the end of the given (partial) argument. */
    static CommandLine typing(String argument) {
        return (CommandLine) Proxy.newProxyInstance(CommandLine.class.getClassLoader(), new Class<?>[] {CommandLine.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCursorArgument" -> argument;
                    case "getArgumentPosition" -> argument.length();
                    case "getCursorArgumentIndex" -> 1;
                    case "getArguments" -> new String[] {"kjernebro:adapter-enable", argument};
                    case "getBuffer" -> "kjernebro:adapter-enable " + argument;
                    case "getBufferPosition" -> ("kjernebro:adapter-enable " + argument).length();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static List<String> none() {
        return new java.util.ArrayList<>();
    }
}
