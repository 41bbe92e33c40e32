package no.kjernebro.auditreview.internal.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditPage;
import no.kjernebro.api.audit.AuditQuery;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.api.identity.NationalIdentityNumber;

/**
 * Collects one patient's lookups in a period from the audit trail and puts them in words. Only
 * {@code PATIENT_LOOKUP} records: the auditors' own searches are not the patient's business here.
 */
final class ReportAssembler {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");

    private final AuditTrail trail;
    private final Function<String, String> municipalityName;
    private final Clock clock;
    private final ReportLimits limits;

    ReportAssembler(AuditTrail trail, Function<String, String> municipalityName, Clock clock, ReportLimits limits) {
        this.trail = trail;
        this.municipalityName = municipalityName;
        this.clock = clock;
        this.limits = limits;
    }

    AccessReport assemble(String patientId, LocalDate from, LocalDate to, String kommunenummer)
            throws AuditUnavailableException {
        validate(patientId, from, to);
        AuditQuery query = AuditQuery.all()
                .patient(patientId)
                .chain(kommunenummer)
                .types(Set.of(AuditEntry.EventType.PATIENT_LOOKUP))
                .period(from.atStartOfDay(OSLO).toInstant(), to.plusDays(1).atStartOfDay(OSLO).toInstant());
        List<ReportRow> rows = new ArrayList<>();
        long cursor = 0;
        do {
            AuditPage page = trail.search(query.page(cursor, AuditQuery.MAX_LIMIT));
            for (StoredAuditRecord record : page.records()) {
                rows.add(row(record));
            }
            if (rows.size() > limits.maxRows()) {
                throw new IllegalArgumentException("the period holds more than " + limits.maxRows()
                        + " lookups of this patient; split it into shorter periods");
            }
            cursor = page.nextCursor();
        } while (cursor > 0);
        return new AccessReport(NationalIdentityNumber.mask(patientId), DAY.format(from) + " – " + DAY.format(to),
                kommunenummer == null ? null : municipality(kommunenummer),
                MOMENT.format(clock.instant().atZone(OSLO)), rows);
    }

    private void validate(String patientId, LocalDate from, LocalDate to) {
        if (!NationalIdentityNumber.isValid(patientId)) {
            throw new IllegalArgumentException("not a valid national identity number");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("the period must have a first day on or before its last day");
        }
        if (from.plusDays(limits.maxDays()).isBefore(to)) {
            throw new IllegalArgumentException("the period is longer than " + limits.maxDays() + " days");
        }
    }

    private ReportRow row(StoredAuditRecord record) {
        AuditEntry e = record.entry();
        return new ReportRow(
                MOMENT.format(e.time().atZone(OSLO)),
                e.kommunenummer() == null ? "Ikke oppgitt" : municipality(e.kommunenummer()),
                orUnknown(e.unit()),
                e.actorName() == null || e.actorName().isBlank() ? orUnknown(e.actorId()) : e.actorName(),
                NorwegianLabels.profession(e.professionOrRole()),
                NorwegianLabels.serviceContext(e.serviceContext()),
                NorwegianLabels.accessBasis(e.accessBasis()),
                NorwegianLabels.sections(e.sections()),
                NorwegianLabels.outcome(e.outcome()),
                record.reference());
    }

    private String municipality(String kommunenummer) {
        String name = municipalityName.apply(kommunenummer);
        return name == null || name.isBlank() ? "Kommune " + kommunenummer : name + " (" + kommunenummer + ")";
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "Ikke oppgitt" : value;
    }
}
