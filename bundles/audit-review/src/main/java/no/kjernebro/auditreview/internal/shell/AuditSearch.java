package no.kjernebro.auditreview.internal.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditPage;
import no.kjernebro.api.audit.AuditQuery;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.auditreview.internal.shell.completers.ChainCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * Searches the audit log. Identity numbers stay masked in the output unless {@code --vis-fnr} is
 * given; the search itself is recorded (with the patient searched for) before anything is shown.
 */
@Command(scope = "kjernebro", name = "audit-search", description = "Searches the audit log (auditors); the search is itself recorded")
@Service
public class AuditSearch implements Action {

    static final int DEFAULT_PAGE = 50;

    @Option(name = "--kommune", description = "Chain: four-digit kommunenummer or _system")
    @Completion(ChainCompleter.class)
    String kommune;

    @Option(name = "--pasient", description = "The patient's national identity number (exact)")
    String pasient;

    @Option(name = "--helsepersonell", description = "HPR number, HelseID subject, operator or auditor name (exact)")
    String helsepersonell;

    @Option(name = "--adapter", description = "Adapter id (exact)")
    String adapter;

    @Option(name = "--fra", description = "From: 2025-03-02, 2025-03-02T14:30 (Norwegian time) or ISO time with offset")
    String fra;

    @Option(name = "--til", description = "To: a date is inclusive (to the end of that day), a time exclusive")
    String til;

    @Option(name = "--utfall", description = "Outcome: ALLOWED, REFUSED or FAILED")
    @Completion(value = StringsCompleter.class, values = {"ALLOWED", "REFUSED", "FAILED"})
    String utfall;

    @Option(name = "--grunnlag", description = "Access basis (samtykke code), e.g. HPAKUTT")
    @Completion(value = StringsCompleter.class, values = {"HPMOTTATTSAMTYKKE", "HPAKUTT", "HPUNNTAK"})
    String grunnlag;

    @Option(name = "--tjeneste", description = "Service context (exact)")
    String tjeneste;

    @Option(name = "--antall", description = "Page size, 1 to 1000 (default 50)")
    int antall = DEFAULT_PAGE;

    @Option(name = "--etter", description = "Cursor from the previous page")
    long etter;

    @Option(name = "--eldste-forst", description = "Oldest first (default newest first)")
    boolean eldsteForst;

    @Option(name = "--csv", description = "Print CSV instead of a table")
    boolean csv;

    @Option(name = "--vis-fnr", description = "Show identity numbers unmasked in the patient column")
    boolean visFnr;

    @Reference
    AuditTrail trail;

    @Reference
    AuditLog log;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException {
        AuditQuery query = query();
        ShellAccess.record(log, Auditor.name(), query.chain() != null && query.chain().matches("\\d{4}") ? query.chain() : null,
                query.patientId(), csv ? "export-csv" : "search", "shell search " + query + (visFnr ? ", unmasked" : ""));
        AuditPage page;
        try {
            page = trail.search(query);
        } catch (AuditUnavailableException e) {
            throw new CommandException("The audit log cannot be searched now: " + e.getMessage(), e);
        }
        PrintStream out = session.getConsole();
        if (csv) {
            printCsv(out, page);
        } else {
            printTable(out, page);
        }
        return null;
    }

    private AuditQuery query() throws CommandException {
        try {
            return new AuditQuery(Cli.chain(kommune, "--kommune"), Cli.patient(pasient, "--pasient"), blankToNull(helsepersonell),
                    blankToNull(adapter), Cli.from(fra, "--fra"), Cli.to(til, "--til"), Cli.outcome(utfall),
                    grunnlag == null ? null : grunnlag.trim().toUpperCase(Locale.ROOT), blankToNull(tjeneste),
                    null, etter, antall, !eldsteForst);
        } catch (IllegalArgumentException e) {
            throw new CommandException("Invalid search: " + e.getMessage());
        }
    }

    private void printTable(PrintStream out, AuditPage page) {
        ShellTable table = new ShellTable().emptyTableText("No records match");
        table.column("Reference");
        table.column("Time");
        table.column("Kommune");
        table.column("Type");
        table.column("Health worker").maxSize(40);
        table.column("Patient");
        table.column("Basis");
        table.column("Service");
        table.column("Adapter");
        table.column("Outcome");
        table.column("Reason").maxSize(30);
        for (StoredAuditRecord r : page.records()) {
            AuditEntry e = r.entry();
            table.addRow().addContent(r.reference(), Cli.time(e.time()), r.chain(), e.type(), Cli.actor(e),
                    Cli.patientColumn(e.patientId(), visFnr), Cli.text(e.accessBasis()), Cli.text(e.serviceContext()),
                    Cli.text(e.adapterId()), e.outcome(), Cli.text(e.reasonCode()));
        }
        table.print(out);
        out.println(page.hasMore() ? page.records().size() + " records shown. Next page: --etter " + page.nextCursor()
                : page.records().size() + " records; no more pages.");
    }

    private void printCsv(PrintStream out, AuditPage page) {
        out.println(Csv.row(List.of("reference", "time", "kommunenummer", "type", "actorType", "actorId", "actorName",
                "profession", "unit", "patientId", "accessBasis", "serviceContext", "adapterId", "outcome", "reasonCode")));
        for (StoredAuditRecord r : page.records()) {
            AuditEntry e = r.entry();
            out.println(Csv.row(java.util.Arrays.asList(r.reference(), e.time().toString(), r.chain(), e.type().name(),
                    e.actorType(), e.actorId(), e.actorName(), e.professionOrRole(), e.unit(),
                    e.patientId() == null ? null : Cli.patientColumn(e.patientId(), visFnr), e.accessBasis(),
                    e.serviceContext(), e.adapterId(), e.outcome().name(), e.reasonCode())));
        }
        if (page.hasMore()) {
            out.println("# next page: --etter " + page.nextCursor());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
