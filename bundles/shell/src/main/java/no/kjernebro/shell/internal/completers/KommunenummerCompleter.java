package no.kjernebro.shell.internal.completers;

import java.util.List;
import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the kommunenummer of every configured municipality. */
@Service
public class KommunenummerCompleter implements Completer {

    @Reference
    TenantAdministration administration;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (TenantInfo t : administration.tenants()) {
            if (t.kommunenummer() != null) {
                delegate.getStrings().add(t.kommunenummer());
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
