package no.kjernebro.auditreview.internal.shell;

import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.ChainVerification;
import no.kjernebro.auditreview.internal.shell.completers.ChainCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * Verifies hash chains and their signed checkpoints. A broken chain ends the command with an error
 * (after the table), so a script running it through bin/client sees a failure.
 */
@Command(scope = "kjernebro", name = "audit-verify", description = "Verifies the audit log's hash chains and signed checkpoints; fails when one is broken")
@Service
public class AuditVerify implements Action {

    @Argument(index = 0, name = "chain", description = "Chains to verify (kommunenummer or _system); all by default",
            required = false, multiValued = true)
    @Completion(ChainCompleter.class)
    List<String> chains;

    @Reference
    AuditTrail trail;

    @Reference
    AuditLog log;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException {
        List<String> known;
        try {
            known = trail.chains();
        } catch (AuditUnavailableException e) {
            throw new CommandException("The audit log cannot be read now: " + e.getMessage(), e);
        }
        List<String> wanted = chains == null || chains.isEmpty() ? known : chains;
        for (String c : wanted) {
            if (!known.contains(c)) {
                throw new CommandException("Unknown chain " + c + " (the store has: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            }
        }
        ShellAccess.record(log, Auditor.name(), wanted.size() == 1 && wanted.get(0).matches("\\d{4}") ? wanted.get(0) : null,
                null, "verify", "shell verify of " + (wanted.isEmpty() ? "no chains" : String.join(", ", wanted)));
        ShellTable table = new ShellTable().emptyTableText("The audit store holds no chains yet");
        table.column("Chain");
        table.column("Result");
        table.column("Checked");
        table.column("Positions");
        table.column("At");
        table.column("Reference");
        table.column("Checkpoint");
        table.column("Detail").maxSize(80).wrap();
        List<String> broken = new ArrayList<>();
        for (String chain : wanted) {
            ChainVerification v;
            try {
                v = trail.verify(chain);
            } catch (AuditUnavailableException e) {
                throw new CommandException("Chain " + chain + " could not be verified: " + e.getMessage(), e);
            }
            if (!v.intact()) {
                broken.add(chain + " (" + v.problem() + " at position " + v.atChainSeq() + ")");
            }
            table.addRow().addContent(chain, v.intact() ? "OK" : v.problem().name(), v.recordsChecked(),
                    v.fromChainSeq() + ".." + v.toChainSeq(), v.intact() ? "-" : String.valueOf(v.atChainSeq()),
                    Cli.text(v.reference()), v.checkpoint() == null ? "-"
                            : v.checkpoint().chainSeq() + " @ " + Cli.time(v.checkpoint().time()), Cli.text(v.detail()));
        }
        table.print(session.getConsole());
        if (!broken.isEmpty()) {
            throw new CommandException("Audit chain verification FAILED: " + String.join("; ", broken));
        }
        session.getConsole().println(wanted.size() + " chain(s) intact.");
        return null;
    }
}
