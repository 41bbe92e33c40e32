package no.kjernebro.auditreview.internal.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.auditreview.internal.rules.Finding;
import no.kjernebro.auditreview.internal.rules.Findings;
import no.kjernebro.auditreview.internal.shell.completers.ChainCompleter;
import no.kjernebro.auditreview.internal.shell.completers.RuleIdCompleter;
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
 * Review findings: list them, show one with all its records, run the rules now, or mark one reviewed
 * with a comment (the review is recorded in the audit log before the finding changes).
 */
@Command(scope = "kjernebro", name = "audit-findings", description = "Lists review findings, evaluates the review rules now, or marks a finding reviewed")
@Service
public class AuditFindings implements Action {

    @Option(name = "--kommune", description = "Only this municipality")
    @Completion(ChainCompleter.class)
    String kommune;

    @Option(name = "--status", description = "OPEN or REVIEWED")
    @Completion(value = StringsCompleter.class, values = {"OPEN", "REVIEWED"})
    String status;

    @Option(name = "--regel", description = "Only this rule")
    @Completion(RuleIdCompleter.class)
    String regel;

    @Option(name = "--antall", description = "How many, 1 to 1000 (default 50)")
    int antall = 50;

    @Option(name = "--etter", description = "Continue below this finding id (from the previous page)")
    long etter;

    @Option(name = "--id", description = "Show this finding with all its audit records")
    Long id;

    @Option(name = "--evaluate", description = "Run the review rules now over --fra/--til (default: yesterday and today)")
    boolean evaluate;

    @Option(name = "--fra", description = "Evaluate from this date or time (Norwegian time)")
    String fra;

    @Option(name = "--til", description = "Evaluate to this date (inclusive) or time (exclusive)")
    String til;

    @Option(name = "--review", description = "Mark this finding reviewed (needs --kommentar)")
    Long review;

    @Option(name = "--kommentar", description = "The auditor's conclusion, recorded with the review")
    String kommentar;

    @Reference
    Findings findings;

    @Reference
    AuditTrail trail;

    @Reference
    AuditLog log;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException {
        String auditor = Auditor.name();
        try {
            if (review != null) {
                review(auditor);
            } else if (evaluate) {
                evaluate(auditor);
            } else if (id != null) {
                show(auditor);
            } else {
                list(auditor);
            }
        } catch (AuditUnavailableException e) {
            throw new CommandException("The findings are unavailable now: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandException(e.getMessage());
        }
        return null;
    }

    private void review(String auditor) throws CommandException, AuditUnavailableException {
        if (kommentar == null || kommentar.isBlank()) {
            throw new CommandException("--review needs --kommentar \"...\" with your conclusion");
        }
        if (Auditor.UNKNOWN.equals(auditor)) {
            throw new CommandException("Only a logged-in Karaf user can review findings");
        }
        Finding f = findings.markReviewed(review, auditor, kommentar);
        session.getConsole().println("Finding " + f.id() + " (" + f.rule() + ", " + f.kommunenummer() + ") marked reviewed by "
                + f.reviewedBy() + " at " + Cli.time(f.reviewedAt()) + ".");
    }

    private void evaluate(String auditor) throws CommandException, AuditUnavailableException {
        Instant to = til == null ? Instant.now() : Cli.to(til, "--til");
        Instant from = fra == null ? LocalDate.now(Cli.OSLO).minusDays(1).atStartOfDay(Cli.OSLO).toInstant() : Cli.from(fra, "--fra");
        List<String> tenants = new ArrayList<>();
        if (kommune != null) {
            tenants.add(Cli.kommunenummer(kommune, "--kommune"));
        } else {
            trail.chains().stream().filter(c -> c.matches("\\d{4}")).forEach(tenants::add);
        }
        ShellAccess.record(log, auditor, tenants.size() == 1 ? tenants.get(0) : null, null, "evaluate-findings",
                "shell evaluation of review rules for " + (tenants.isEmpty() ? "no tenants" : String.join(", ", tenants))
                        + " " + from + ".." + to);
        List<Finding> found = new ArrayList<>();
        for (String k : tenants) {
            List<Finding> f = findings.evaluate(k, from, to);
            session.getConsole().println(k + ": " + f.size() + " new or extended finding(s)");
            found.addAll(f);
        }
        if (!found.isEmpty()) {
            table(found);
        }
    }

    private void show(String auditor) throws CommandException, AuditUnavailableException {
        Finding f = findings.get(id).orElseThrow(() -> new CommandException("No finding " + id));
        ShellAccess.record(log, auditor, f.kommunenummer(), f.patientId(), "show-finding", "shell finding " + id);
        PrintStream out = session.getConsole();
        out.println("Finding " + f.id() + " (" + f.rule() + "), kommune " + f.kommunenummer() + ", " + f.status());
        out.println("  " + f.description());
        out.println("  health worker: " + Cli.text(f.actorId()) + ", patient: " + Cli.patientColumn(f.patientId(), false)
                + ", detected " + Cli.time(f.detectedAt()));
        if (f.status() == Finding.Status.REVIEWED) {
            out.println("  reviewed by " + f.reviewedBy() + " at " + Cli.time(f.reviewedAt()) + ": " + f.comment());
        }
        out.println("  records (" + f.references().size() + "): " + String.join(" ", f.references()));
    }

    private void list(String auditor) throws CommandException, AuditUnavailableException {
        String k = Cli.kommunenummer(kommune, "--kommune");
        Finding.Status s = status(status);
        String rule = regel == null ? null : regel.trim().toUpperCase(Locale.ROOT);
        ShellAccess.record(log, auditor, k, null, "list-findings", "shell findings kommune=" + k + " status=" + s
                + " rule=" + rule + " after=" + etter + " limit=" + antall);
        List<Finding> page = findings.list(k, s, rule, etter, antall);
        table(page);
        if (page.size() == antall) {
            session.getConsole().println("Next page: --etter " + page.get(page.size() - 1).id());
        }
    }

    private void table(List<Finding> rows) {
        ShellTable table = new ShellTable().emptyTableText("No findings");
        table.column("Id").alignRight();
        table.column("Kommune");
        table.column("Rule");
        table.column("Status");
        table.column("Health worker");
        table.column("Patient");
        table.column("Detected");
        table.column("Records");
        table.column("Description").maxSize(70).wrap();
        for (Finding f : rows) {
            table.addRow().addContent(f.id(), f.kommunenummer(), f.rule(), f.status(), Cli.text(f.actorId()),
                    Cli.patientColumn(f.patientId(), false), Cli.time(f.detectedAt()), records(f.references()), f.description());
        }
        table.print(session.getConsole());
    }

    static String records(List<String> references) {
        if (references.isEmpty()) {
            return "-";
        }
        return references.get(0) + (references.size() > 1 ? " (+" + (references.size() - 1) + ")" : "");
    }

    private static Finding.Status status(String value) throws CommandException {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "open", "åpen", "apen" -> Finding.Status.OPEN;
            case "reviewed", "gjennomgått", "gjennomgatt" -> Finding.Status.REVIEWED;
            default -> throw new CommandException("--status must be OPEN or REVIEWED, not '" + value + "'");
        };
    }
}
