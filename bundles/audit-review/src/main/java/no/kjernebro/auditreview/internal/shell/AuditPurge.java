package no.kjernebro.auditreview.internal.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.PurgeReport;
import no.kjernebro.auditreview.internal.shell.completers.ChainCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

/**
 * The documented retention purge: removes a chain's records older than the retention period, up to a
 * signed checkpoint the rest of the chain is verified from. The purge records itself (AUDIT_PURGE,
 * naming the operator), so it needs a logged-in user and a confirmation.
 */
@Command(scope = "kjernebro", name = "audit-purge", description = "Purges a chain's audit records older than the retention period (operators); recorded")
@Service
public class AuditPurge implements Action {

    private static final Set<String> YES = Set.of("y", "yes", "j", "ja");

    @Argument(index = 0, name = "chain", description = "Kommunenummer or _system", required = true)
    @Completion(ChainCompleter.class)
    String chain;

    @Option(name = "--force", aliases = "-f", description = "Purge without asking")
    boolean force;

    @Reference
    AuditTrail trail;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException {
        String c = Cli.chain(chain, "chain");
        String operator = Auditor.name();
        if (Auditor.UNKNOWN.equals(operator)) {
            throw new CommandException("Only a logged-in Karaf user can purge: the purge is recorded under that name");
        }
        PrintStream out = session.getConsole();
        if (!force && !confirmed(c)) {
            out.println("Nothing was purged.");
            return null;
        }
        PurgeReport report;
        try {
            report = trail.purgeExpired(c, operator);
        } catch (AuditUnavailableException e) {
            throw new CommandException("Chain " + c + " was not purged: " + e.getMessage(), e);
        }
        if (report.removed() == 0) {
            out.println("Chain " + c + " holds nothing older than the cut-off " + Cli.time(report.cutoff())
                    + " that a checkpoint covers; nothing removed. Recorded as " + Cli.text(report.purgeRecord()) + ".");
            return null;
        }
        out.println("Chain " + c + ": " + report.removed() + " records older than " + Cli.time(report.cutoff())
                + " removed, through position " + report.throughChainSeq() + ", by " + operator + ".");
        if (report.anchor() != null) {
            out.println("The chain is verified from the checkpoint at position " + report.anchor().chainSeq() + " ("
                    + Cli.time(report.anchor().time()) + ", key " + report.anchor().keyId() + ").");
        }
        out.println("Recorded as " + Cli.text(report.purgeRecord()) + ".");
        return null;
    }

    private boolean confirmed(String c) throws CommandException {
        String answer;
        try {
            answer = session.readLine("Purge the records of chain " + c
                    + " that are older than the retention period? This cannot be undone. (yes/no) ", null);
        } catch (IOException | RuntimeException e) {
            throw new CommandException("No confirmation could be read; repeat with --force to purge without asking");
        }
        return answer != null && YES.contains(answer.trim().toLowerCase(Locale.ROOT));
    }
}
