package no.kjernebro.auditreview.internal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.audit.StoredAuditRecord;

/**
 * One tenant's patient lookups on one local day: what every rule looks at. Per-day rules need the
 * whole day, so evaluation always works in whole days.
 *
 * @param settings the tenant's configuration
 * @param date the day in the tenant's time zone
 * @param records the PATIENT_LOOKUP records of that day, oldest first
 * @param patientsInCare the care list, or null when none is configured
 */
record ReviewDay(ReviewSettings settings, LocalDate date, List<StoredAuditRecord> records, Set<String> patientsInCare) {
}
