package no.kjernebro.core.internal.varsling;

import java.time.Instant;
import java.util.Set;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.varsling.VarslingForesporsel;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.tenant.Tenant;

/**
 * Builds the audit record of one patient in a Legemiddelvarsling batch: a system-level query made on
 * the municipality's behalf, with who started it, through which adapter, under the batch's
 * correlation id. No sections are returned by Legemiddelvarsling, so none are recorded.
 */
final class VarslingAudit {

    /** Reason code of an answered Legemiddelvarsling query. */
    static final String LEGEMIDDELVARSLING = "LEGEMIDDELVARSLING";
    static final String ACTOR_SYSTEM = "SYSTEM";

    private final VarslingForesporsel foresporsel;
    private final Tenant tenant;
    private final String sourceSystem;
    private final String correlationId;
    private final Instant time;

    /** @param tenant null when the municipality was not found */
    VarslingAudit(VarslingForesporsel foresporsel, Tenant tenant, String sourceSystem, String correlationId,
                  Instant time) {
        this.foresporsel = foresporsel;
        this.tenant = tenant;
        this.sourceSystem = sourceSystem;
        this.correlationId = correlationId;
        this.time = time;
    }

    AuditEntry answered(VarslingSvar svar) {
        return entry(svar.fnr(), Outcome.ALLOWED, LEGEMIDDELVARSLING, "Legemiddelvarsling: harKjernejournal="
                + svar.harKjernejournal() + ", nyLegemiddelinformasjon=" + svar.nyLegemiddelinformasjon());
    }

    AuditEntry refused(String fnr, ErrorCode error, String message) {
        return entry(fnr, Outcome.REFUSED, error.name(), "Legemiddelvarsling: " + message);
    }

    AuditEntry failed(String fnr, ErrorCode error) {
        return entry(fnr, Outcome.FAILED, error.name(), "Legemiddelvarsling: " + error.description());
    }

    private AuditEntry entry(String fnr, Outcome outcome, String reasonCode, String reason) {
        return new AuditEntry(AuditEntry.EventType.SYSTEM_QUERY, time, correlationId, foresporsel.kommunenummer(),
                tenant == null ? null : tenant.orgnr(), foresporsel.adapterId(), sourceSystem, ACTOR_SYSTEM,
                foresporsel.initiatedBy(), null, null, null, null, fnr, Set.of(), outcome, reasonCode, reason, false);
    }
}
