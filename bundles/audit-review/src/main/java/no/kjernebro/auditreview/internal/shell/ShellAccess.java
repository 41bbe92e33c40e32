package no.kjernebro.auditreview.internal.shell;

import java.time.Clock;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.auditreview.internal.access.AuditorAccess;
import org.apache.karaf.shell.support.CommandException;

/** Records a command's use as AUDIT_ACCESS before it shows anything; without the record it shows nothing. */
final class ShellAccess {

    private ShellAccess() {
    }

    static void record(AuditLog log, String auditor, String kommunenummer, String patientId, String action, String detail)
            throws CommandException {
        try {
            new AuditorAccess(log, Clock.systemUTC()).record(AuditEntry.EventType.AUDIT_ACCESS, auditor, "shell",
                    kommunenummer, patientId, action, detail);
        } catch (AuditUnavailableException | RuntimeException e) {
            throw new CommandException("The audit log cannot record this access, so nothing is shown: " + e.getMessage(), e);
        }
    }
}
