package no.kjernebro.audit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.kjernebro.api.audit.AuditEntry;

/** What kind of actor a record names, as core and the auditor API write {@code actorType}. */
enum BalpActor {
    /** health personnel, identified by HPR number. */
    HEALTH_PERSONNEL("HPR"),
    /** a case worker without HPR authorisation, identified by HelseID subject. */
    CASE_WORKER("HELSEID"),
    /** a Kjernebro-internal initiator, e.g. the medication sweep scheduler. */
    SYSTEM("SYSTEM"),
    /** a Karaf operator. */
    OPERATOR("OPERATOR"),
    /** a Karaf user with the auditor role. */
    AUDITOR("AUDITOR"),
    /** anything else an unknown caller claimed. */
    UNKNOWN(null);

    private final String actorType;

    BalpActor(String actorType) {
        this.actorType = actorType;
    }

    static BalpActor of(AuditEntry e) {
        for (BalpActor actor : values()) {
            if (actor.actorType != null && actor.actorType.equals(e.actorType())) {
                return actor;
            }
        }
        return UNKNOWN;
    }

    static boolean isCaseWorker(AuditEntry e) {
        return of(e) == CASE_WORKER;
    }

    /** The identifier system of {@code actorId}, or null when there is none to name. */
    String identifierSystem() {
        return switch (this) {
            case HEALTH_PERSONNEL -> BalpCodes.HPR;
            case CASE_WORKER -> BalpCodes.HELSEID_SUBJECT;
            case SYSTEM -> BalpCodes.SYSTEM_USER;
            case OPERATOR, AUDITOR -> BalpCodes.KARAF_USER;
            case UNKNOWN -> null;
        };
    }

    /** People who receive patient data are information recipients; others are human users or applications. */
    void writeType(ObjectNode type) {
        ObjectNode coding = type.putArray("coding").addObject();
        switch (this) {
            case HEALTH_PERSONNEL, CASE_WORKER, UNKNOWN ->
                    BalpCodes.coding(coding, BalpCodes.PARTICIPATION_TYPE, "IRCP", "information recipient");
            case SYSTEM -> BalpCodes.coding(coding, BalpCodes.DCM, "110150", "Application");
            case OPERATOR, AUDITOR -> BalpCodes.coding(coding, BalpCodes.SECURITY_ROLE_TYPE, "humanuser", "human user");
        }
    }
}
