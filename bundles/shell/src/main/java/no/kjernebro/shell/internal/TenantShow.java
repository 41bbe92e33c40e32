package no.kjernebro.shell.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.kjernebro.api.admin.AdapterInfo;
import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import no.kjernebro.shell.internal.completers.KommunenummerCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "kjernebro", name = "tenant-show", description = "Shows one municipality's configuration and why it is not in service, if it is not")
@Service
public class TenantShow implements Action {

    @Argument(index = 0, name = "kommunenummer", description = "Four-digit kommunenummer", required = true)
    @Completion(KommunenummerCompleter.class)
    String kommunenummer;

    @Reference
    TenantAdministration administration;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException {
        TenantInfo t = administration.tenant(kommunenummer)
                .orElseThrow(() -> new CommandException("Unknown tenant " + kommunenummer + " (see kjernebro:tenant-list)"));
        Set<String> deployed = administration.adapters().stream().filter(a -> a.routes() > 0)
                .map(AdapterInfo::id).collect(Collectors.toSet());
        List<String> adapters = t.adapters().stream().sorted()
                .map(id -> deployed.contains(id) ? id : id + " (not deployed)").toList();
        ShellTable table = new ShellTable().noHeaders();
        table.column("Property");
        table.column("Value").maxSize(100).wrap();
        table.addRow().addContent("Kommunenummer", t.kommunenummer());
        table.addRow().addContent("Name", t.name());
        table.addRow().addContent("Orgnr", t.orgnr());
        table.addRow().addContent("Enabled", t.enabled() ? "yes" : "no");
        table.addRow().addContent("Status", Texts.status(t));
        if (t.problem() != null) {
            table.addRow().addContent("Problem", t.problem());
        }
        table.addRow().addContent("Adapters", Texts.adapters(adapters));
        table.addRow().addContent("HelseID client", t.helseIdClientId());
        table.print(session.getConsole());
        return null;
    }
}
