package no.kjernebro.auditreview.internal.shell;

import java.io.PrintStream;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.ForwardingStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

/** The forwarding outbox: is it configured, how much is waiting, since when, and the last error. */
@Command(scope = "kjernebro", name = "audit-forwarding", description = "Shows the audit forwarding outbox: backlog, oldest pending record, last error")
@Service
public class AuditForwarding implements Action {

    @Reference
    AuditTrail trail;

    @Reference
    AuditLog log;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException {
        ShellAccess.record(log, Auditor.name(), null, null, "forwarding-status", "shell forwarding status");
        ForwardingStatus s;
        try {
            s = trail.forwarding();
        } catch (AuditUnavailableException e) {
            throw new CommandException("The forwarding status cannot be read now: " + e.getMessage(), e);
        }
        PrintStream out = session.getConsole();
        out.println("Forwarding:      " + (s.enabled() ? "enabled" : "disabled"));
        out.println("Endpoint:        " + Cli.text(s.endpoint()));
        out.println("Backlog:         " + s.backlog() + " record(s)");
        out.println("Oldest pending:  " + Cli.time(s.oldestPending()));
        out.println("Failing records: " + s.failingRecords());
        out.println("Delivered:       " + s.delivered() + " since start");
        out.println("Last error:      " + Cli.text(s.lastError()));
        return null;
    }
}
