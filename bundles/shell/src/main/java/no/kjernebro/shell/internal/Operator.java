package no.kjernebro.shell.internal;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;

/**
 * Who runs a command, for the audit trail. Karaf runs a command inside the JAAS subject of the
 * user who logged in (console, ssh, bin/client, web console): its user principal names the
 * operator. The session's USER variable, set from the same subject when the session was opened,
 * is the fallback. With neither there is nobody to hold to account, so nothing is changed.
 */
final class Operator {

    private Operator() {
    }

    static String of(Session session) throws CommandException {
        String name = ShellUtil.getCurrentUserName();
        if (blank(name) && session != null && session.get("USER") != null) {
            name = session.get("USER").toString();
        }
        if (blank(name)) {
            throw new CommandException("No logged-in operator: administration is only possible as a named Karaf user");
        }
        return name.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
