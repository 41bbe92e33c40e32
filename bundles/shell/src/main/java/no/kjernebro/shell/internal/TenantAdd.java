package no.kjernebro.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import no.kjernebro.api.admin.AdministrationException;
import no.kjernebro.api.admin.NewTenant;
import no.kjernebro.api.admin.TenantAdministration;
import no.kjernebro.api.admin.TenantInfo;
import no.kjernebro.shell.internal.completers.AdapterIdCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * Adds a municipality. API keys are given only as SHA-256 digests so that no secret ends up in the
 * shell history or the audit trail.
 */
@Command(scope = "kjernebro", name = "tenant-add", description = "Adds a municipality (tenant); it is written to etc/no.kjernebro.tenant-<kommunenummer>.cfg")
@Service
public class TenantAdd implements Action {

    @Argument(index = 0, name = "kommunenummer", description = "Four-digit kommunenummer, e.g. 5536", required = true)
    String kommunenummer;

    @Argument(index = 1, name = "orgnr", description = "The municipality's organisation number (9 digits, mod-11 checked)", required = true)
    String orgnr;

    @Option(name = "--name", aliases = "-n", description = "Display name, e.g. \"Lyngen kommune\"")
    String name;

    @Option(name = "--client-id", aliases = "-c", description = "HelseID client id (default kjernebro-<kommunenummer>)")
    String clientId;

    @Option(name = "--key-file", aliases = "-k", required = true,
            description = "The HelseID client's RSA private key, PKCS#8 PEM; relative paths are resolved against KARAF_BASE")
    @Completion(FileCompleter.class)
    String keyFile;

    @Option(name = "--credential", aliases = "-s", required = true, multiValued = true,
            description = "Lowercase hex SHA-256 of an API key the EPJ presents (printf '%s' KEY | sha256sum); repeat for several")
    List<String> credentials;

    @Option(name = "--adapter", aliases = "-a", multiValued = true, description = "Adapter id to enable at once; repeat for several")
    @Completion(AdapterIdCompleter.class)
    List<String> adapters;

    @Reference
    TenantAdministration administration;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException {
        String operator = Operator.of(session);
        NewTenant tenant = new NewTenant(kommunenummer, orgnr, name,
                clientId == null ? "kjernebro-" + kommunenummer : clientId, keyFile,
                credentials == null ? List.of() : new ArrayList<>(credentials),
                adapters == null ? null : new LinkedHashSet<>(adapters));
        try {
            TenantInfo t = administration.addTenant(tenant, operator);
            session.getConsole().println("Tenant " + t.kommunenummer() + " (" + t.name() + ") added by " + operator
                    + ", adapters: " + Texts.adapters(t.adapters()) + ". It is in service now.");
        } catch (AdministrationException e) {
            throw new CommandException("Tenant " + kommunenummer + " not added: " + e.getMessage(), e);
        }
        return null;
    }
}
