package no.kjernebro.core.internal.admin;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import no.kjernebro.api.admin.AdministrationException;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.lookup.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records administrative changes in the audit trail. An allowed change is recorded before it is
 * made and is refused when the record cannot be committed: there is no unaudited administration.
 */
final class AdminAudit {

    static final String ACTOR_OPERATOR = "OPERATOR";
    static final String SOURCE_SYSTEM = "kjernebro-admin";
    private static final Logger LOG = LoggerFactory.getLogger(AdminAudit.class);

    private final Supplier<AuditLog> auditLog;
    private final Clock clock;

    AdminAudit(Supplier<AuditLog> auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What a change is about. */
    record Target(String kommunenummer, String orgnr, String adapterId) {
    }

    /** Commits the record of a change about to be made; the change must not be made if this throws. */
    void allowed(Change change, Target target, String operator, String reason) throws AdministrationException {
        try {
            append(change, target, operator, Outcome.ALLOWED, reason);
        } catch (AuditUnavailableException e) {
            LOG.error("{} for {} by {} refused: the audit log is unavailable ({})", change, target.kommunenummer(),
                    operator, e.getMessage());
            throw new AdministrationException("the audit log is unavailable, so nothing was changed: " + e.getMessage(), e);
        }
    }

    /** Records a refusal and returns the exception to throw; the refusal stands even if it cannot be recorded. */
    AdministrationException refused(Change change, Target target, String operator, String reason) {
        try {
            append(change, target, operator, Outcome.REFUSED, reason);
            return new AdministrationException(reason);
        } catch (AuditUnavailableException e) {
            LOG.error("{} for {} by {} refused ({}); the refusal could not be audited: {}", change,
                    target.kommunenummer(), operator, reason, e.getMessage());
            return new AdministrationException(reason + " (the refusal could not be recorded: audit log unavailable)", e);
        }
    }

    /** Records that an allowed change could not be completed; best effort, the caller reports the failure. */
    void failed(Change change, Target target, String operator, String reason) {
        try {
            append(change, target, operator, Outcome.FAILED, reason);
        } catch (AuditUnavailableException e) {
            LOG.error("{} for {} by {} failed ({}) and the failure could not be audited: {}", change,
                    target.kommunenummer(), operator, reason, e.getMessage());
        }
    }

    private void append(Change change, Target target, String operator, Outcome outcome, String reason)
            throws AuditUnavailableException {
        AuditLog log = auditLog.get();
        if (log == null) {
            throw new AuditUnavailableException("no audit log service is registered", null);
        }
        AuditEntry entry = new AuditEntry(AuditEntry.EventType.ADMINISTRATION, clock.instant(),
                UUID.randomUUID().toString(), target.kommunenummer(), target.orgnr(), target.adapterId(),
                SOURCE_SYSTEM, ACTOR_OPERATOR, operator, operator, null, null, null, null, null,
                outcome, change.name(), reason, false);
        try {
            log.append(entry);
        } catch (RuntimeException e) {
            // A broken store must not let the change through unrecorded.
            throw new AuditUnavailableException(e.toString(), e);
        }
        LOG.info("{} {} for {} by operator {}: {}", change, outcome, target.kommunenummer(), operator, reason);
    }
}
