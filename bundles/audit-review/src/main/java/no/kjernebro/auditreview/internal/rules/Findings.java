package no.kjernebro.auditreview.internal.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.kjernebro.api.audit.AuditUnavailableException;

/**
 * Review findings: what the review rules flagged, and the auditors' follow-up. Implemented in this
 * package (a DS component); the REST API and the shell commands use it.
 */
public interface Findings {

    /** Runs every rule enabled for the tenant over records in [from, to) and stores new findings; returns them. */
    List<Finding> evaluate(String kommunenummer, Instant from, Instant to) throws AuditUnavailableException;

    /** Findings matching the filter, newest first. Null filters mean "any"; limit 1..1000. */
    List<Finding> list(String kommunenummer, Finding.Status status, String rule, long afterId, int limit)
            throws AuditUnavailableException;

    Optional<Finding> get(long id) throws AuditUnavailableException;

    /**
     * Marks a finding reviewed with the auditor's comment. The AUDIT_REVIEW audit record is committed
     * first; without it nothing changes.
     *
     * @throws IllegalArgumentException unknown id, blank comment, or already reviewed
     */
    Finding markReviewed(long id, String auditor, String comment) throws AuditUnavailableException;
}
