package no.kjernebro.auditreview.internal.shell.completers;

import java.util.List;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the chains in the audit store: every kommunenummer with records, and {@code _system}. */
@Service
public class ChainCompleter implements Completer {

    @Reference
    AuditTrail trail;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        try {
            delegate.getStrings().addAll(trail.chains());
        } catch (AuditUnavailableException e) {
            return -1; // nothing to offer while the store is down
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
