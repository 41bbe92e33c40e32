package no.kjernebro.shell.internal;

import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "kjernebro", name = "tenant-list", description = "Lists the municipalities (tenants) and whether each is in service")
@Service
public class TenantList implements Action {

    @Reference
    TenantAdministration administration;

    @Reference
    Session session;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable().emptyTableText("No tenants configured");
        table.column("Kommune");
        table.column("Name");
        table.column("Orgnr");
        table.column("Enabled");
        table.column("Status");
        table.column("Adapters");
        for (TenantInfo t : administration.tenants()) {
            table.addRow().addContent(t.kommunenummer(), t.name(), t.orgnr(), t.enabled() ? "yes" : "no",
                    Texts.status(t), Texts.adapters(t.adapters()));
        }
        table.print(session.getConsole());
        return null;
    }
}
