package no.kjernebro.shell.internal;

import no.kjernebro.api.admin.AdministrationException;
import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import no.kjernebro.shell.internal.completers.AdapterIdCompleter;
import no.kjernebro.shell.internal.completers.KommunenummerCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

@Command(scope = "kjernebro", name = "adapter-enable", description = "Lets a municipality's EPJ systems call through an adapter; takes effect at once")
@Service
public class AdapterEnable implements Action {

    @Argument(index = 0, name = "kommunenummer", description = "Four-digit kommunenummer", required = true)
    @Completion(KommunenummerCompleter.class)
    String kommunenummer;

    @Argument(index = 1, name = "adapter", description = "Adapter id, e.g. sykehjem-xml", required = true)
    @Completion(AdapterIdCompleter.class)
    String adapterId;

    @Reference
    TenantAdministration administration;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException {
        String operator = Operator.of(session);
        boolean wasEnabled = administration.tenant(kommunenummer).map(t -> t.adapters().contains(adapterId)).orElse(false);
        TenantInfo t;
        try {
            t = administration.enableAdapter(kommunenummer, adapterId, operator);
        } catch (AdministrationException e) {
            throw new CommandException("Adapter " + adapterId + " not enabled for " + kommunenummer + ": " + e.getMessage(), e);
        }
        if (wasEnabled) {
            session.getConsole().println("Adapter " + adapterId + " was enabled for " + kommunenummer + " already; nothing changed.");
            return null;
        }
        session.getConsole().println("Adapter " + adapterId + " enabled for " + kommunenummer + " (" + t.name() + ") by "
                + operator + ". Its adapters: " + Texts.adapters(t.adapters()) + ".");
        boolean deployed = administration.adapters().stream().anyMatch(a -> a.id().equals(adapterId) && a.routes() > 0);
        if (!deployed) {
            session.getConsole().println("Warning: adapter " + adapterId + " is not deployed in this runtime now;"
                    + " its requests are answered once its bundle is installed.");
        }
        return null;
    }
}
