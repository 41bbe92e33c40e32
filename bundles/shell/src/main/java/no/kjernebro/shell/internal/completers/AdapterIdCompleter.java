package no.kjernebro.shell.internal.completers;

import java.util.List;
import no.kjernebro.api.admin.AdapterInfo;
import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes adapter ids: the deployed adapters and any a municipality has enabled. */
@Service
public class AdapterIdCompleter implements Completer {

    @Reference
    TenantAdministration administration;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (AdapterInfo a : administration.adapters()) {
            delegate.getStrings().add(a.id());
        }
        for (TenantInfo t : administration.tenants()) {
            delegate.getStrings().addAll(t.adapters());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
