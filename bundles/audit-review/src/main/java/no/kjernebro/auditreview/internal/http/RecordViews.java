package no.kjernebro.auditreview.internal.http;

import java.util.List;
import java.util.Map;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.api.lookup.Section;

/**
 * A stored record as the auditor sees it, one field list for JSON and CSV alike. Auditors see the
 * patient's identity number: finding out who looked at whom is their job, and their access is
 * recorded.
 */
final class RecordViews {

    static final List<String> COLUMNS = List.of("reference", "seq", "chain", "chainSeq", "type", "time",
            "kommunenummer", "orgnr", "adapterId", "sourceSystem", "actorType", "actorId", "actorName",
            "professionOrRole", "unit", "serviceContext", "accessBasis", "patientId", "patientName", "purpose",
            "sections", "outcome", "reasonCode", "reason", "markedForReview", "prevHash", "hash");

    private RecordViews() {
    }

    static Map<String, Object> json(StoredAuditRecord r) {
        AuditEntry e = r.entry();
        return ApiJson.object("reference", r.reference(), "seq", r.seq(), "chain", r.chain(),
                "chainSeq", r.chainSeq(), "type", e.type().name(), "time", e.time(),
                "kommunenummer", e.kommunenummer(), "orgnr", e.orgnr(), "adapterId", e.adapterId(),
                "sourceSystem", e.sourceSystem(), "actorType", e.actorType(), "actorId", e.actorId(),
                "actorName", e.actorName(), "professionOrRole", e.professionOrRole(), "unit", e.unit(),
                "serviceContext", e.serviceContext(), "accessBasis", e.accessBasis(), "patientId", e.patientId(),
                "patientName", e.patientName(), "purpose", e.purpose(), "sections", sections(e),
                "outcome", e.outcome().name(), "reasonCode", e.reasonCode(), "reason", e.reason(),
                "markedForReview", e.markedForReview(), "prevHash", r.prevHash(), "hash", r.hash());
    }

    /** The values in {@link #COLUMNS} order, as text (empty for none). */
    static List<String> row(StoredAuditRecord r) {
        AuditEntry e = r.entry();
        return List.of(text(r.reference()), Long.toString(r.seq()), text(r.chain()), Long.toString(r.chainSeq()),
                e.type().name(), e.time().toString(), text(e.kommunenummer()), text(e.orgnr()), text(e.adapterId()),
                text(e.sourceSystem()), text(e.actorType()), text(e.actorId()), text(e.actorName()),
                text(e.professionOrRole()), text(e.unit()), text(e.serviceContext()), text(e.accessBasis()),
                text(e.patientId()), text(e.patientName()), text(e.purpose()), String.join(";", sections(e)),
                e.outcome().name(), text(e.reasonCode()), text(e.reason()), Boolean.toString(e.markedForReview()),
                text(r.prevHash()), text(r.hash()));
    }

    private static List<String> sections(AuditEntry e) {
        return List.of(Section.values()).stream().filter(e.sections()::contains).map(Section::name).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
