package no.kjernebro.shell.internal;

import no.kjernebro.api.admin.AdministrationException;
import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import no.kjernebro.shell.internal.completers.KommunenummerCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

/** Removes a municipality and its etc file. Asks for --force, as the municipality's EPJ systems are cut off at once. */
@Command(scope = "kjernebro", name = "tenant-remove", description = "Removes a municipality (tenant) and its etc file; its EPJ systems are refused at once")
@Service
public class TenantRemove implements Action {

    @Argument(index = 0, name = "kommunenummer", description = "Four-digit kommunenummer", required = true)
    @Completion(KommunenummerCompleter.class)
    String kommunenummer;

    @Option(name = "--force", aliases = "-f", description = "Remove without asking for confirmation")
    boolean force;

    @Reference
    TenantAdministration administration;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException {
        String operator = Operator.of(session);
        TenantInfo t = administration.tenant(kommunenummer)
                .orElseThrow(() -> new CommandException("Unknown tenant " + kommunenummer + " (see kjernebro:tenant-list)"));
        if (!force) {
            session.getConsole().println("This removes " + t.name() + " (" + kommunenummer + ") with adapters "
                    + Texts.adapters(t.adapters()) + "; its EPJ systems are refused from then on.");
            session.getConsole().println("Nothing was changed. Repeat with --force to remove it.");
            return null;
        }
        try {
            administration.removeTenant(kommunenummer, operator);
        } catch (AdministrationException e) {
            throw new CommandException("Tenant " + kommunenummer + " not removed: " + e.getMessage(), e);
        }
        session.getConsole().println("Tenant " + kommunenummer + " (" + t.name() + ") removed by " + operator + ".");
        return null;
    }
}
