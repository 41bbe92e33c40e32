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

@Command(scope = "kjernebro", name = "adapter-disable", description = "Stops a municipality's EPJ systems from calling through an adapter; takes effect at once, other municipalities are untouched")
@Service
public class AdapterDisable implements Action {

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
        boolean wasEnabled = administration.tenant(kommunenummer).map(t -> t.adapters().contains(adapterId)).orElse(true);
        TenantInfo t;
        try {
            t = administration.disableAdapter(kommunenummer, adapterId, operator);
        } catch (AdministrationException e) {
            throw new CommandException("Adapter " + adapterId + " not disabled for " + kommunenummer + ": " + e.getMessage(), e);
        }
        if (!wasEnabled) {
            session.getConsole().println("Adapter " + adapterId + " was not enabled for " + kommunenummer + "; nothing changed."
                    + " Its adapters: " + Texts.adapters(t.adapters()) + ".");
            return null;
        }
        session.getConsole().println("Adapter " + adapterId + " disabled for " + kommunenummer + " (" + t.name() + ") by "
                + operator + ". Its adapters: " + Texts.adapters(t.adapters()) + ".");
        return null;
    }
}
