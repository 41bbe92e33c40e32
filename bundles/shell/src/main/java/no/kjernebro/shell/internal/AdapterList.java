package no.kjernebro.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

@Command(scope = "kjernebro", name = "adapter-list", description = "Lists the deployed adapters and the municipalities that enabled each; with a kommunenummer, that municipality's adapters")
@Service
public class AdapterList implements Action {

    @Argument(index = 0, name = "kommunenummer", description = "Only this municipality's adapters")
    @Completion(KommunenummerCompleter.class)
    String kommunenummer;

    @Reference
    TenantAdministration administration;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException {
        List<AdapterInfo> deployed = administration.adapters();
        List<TenantInfo> tenants = administration.tenants();
        Optional<TenantInfo> only = Optional.empty();
        if (kommunenummer != null) {
            only = Optional.of(administration.tenant(kommunenummer).orElseThrow(
                    () -> new CommandException("Unknown tenant " + kommunenummer + " (see kjernebro:tenant-list)")));
        }
        // every adapter that is deployed or enabled somewhere; an enabled one may be absent right now
        Set<String> ids = new TreeSet<>();
        deployed.forEach(a -> ids.add(a.id()));
        tenants.forEach(t -> ids.addAll(t.adapters()));
        if (only.isPresent()) {
            ids.retainAll(only.get().adapters());
        }
        ShellTable table = new ShellTable().emptyTableText(only.isPresent()
                ? "No adapter enabled for " + kommunenummer : "No adapters deployed");
        table.column("Adapter");
        table.column("Name");
        table.column("Routes").alignRight();
        table.column("Service contexts").maxSize(60).wrap();
        table.column("Enabled for").maxSize(40).wrap();
        table.column("Bundle");
        for (String id : ids) {
            AdapterInfo a = deployed.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
            List<String> enabledFor = new ArrayList<>();
            tenants.stream().filter(t -> t.adapters().contains(id)).forEach(t -> enabledFor.add(t.kommunenummer()));
            table.addRow().addContent(id,
                    a == null || a.name() == null ? "" : a.name(),
                    a == null ? "NOT DEPLOYED" : Integer.toString(a.routes()),
                    a == null ? "" : Texts.adapters(a.serviceContexts().stream().map(Enum::name).toList()),
                    Texts.adapters(enabledFor),
                    a == null || a.bundle() == null ? "" : a.bundle());
        }
        table.print(session.getConsole());
        return null;
    }
}
