package no.kjernebro.core.internal.varsling;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;

/**
 * A batch's answers and audit records, one each per patient in the order asked: kjernejournal's
 * answers for the valid numbers slotted back between the invalid ones, which were never sent.
 *
 * @param svar empty when kjernejournal failed
 */
record Batchsvar(List<VarslingSvar> svar, List<AuditEntry> records) {

    static List<PasientSjekk> valid(List<PasientSjekk> asked) {
        return asked.stream().filter(p -> NationalIdentityNumber.isValid(p.fnr())).toList();
    }

    /**
     * @param fromKjernejournal answers for {@link #valid(List)} in that order; ignored when {@code failure} is set
     * @param failure why kjernejournal could not answer, or null
     */
    static Batchsvar of(List<PasientSjekk> asked, List<VarslingSvar> fromKjernejournal, ErrorCode failure,
                        VarslingAudit audit) {
        List<VarslingSvar> svar = new ArrayList<>(asked.size());
        List<AuditEntry> records = new ArrayList<>(asked.size());
        Iterator<VarslingSvar> answered = fromKjernejournal.iterator();
        for (PasientSjekk p : asked) {
            if (!NationalIdentityNumber.isValid(p.fnr())) {
                // nothing was asked, so nothing changes: the next check uses the same timestamp
                svar.add(new VarslingSvar(p.fnr(), false, false, p.sistSjekket()));
                records.add(audit.refused(p.fnr(), ErrorCode.INVALID_PATIENT_ID,
                        ErrorCode.INVALID_PATIENT_ID.description()));
            } else if (failure != null) {
                records.add(audit.failed(p.fnr(), failure));
            } else {
                VarslingSvar s = answered.next();
                svar.add(s);
                records.add(audit.answered(s));
            }
        }
        return new Batchsvar(failure == null ? List.copyOf(svar) : List.of(), List.copyOf(records));
    }
}
