package no.kjernebro.audit.internal;

import static no.kjernebro.audit.internal.BalpCodes.coding;
import static no.kjernebro.audit.internal.BalpCodes.putIfPresent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.Profession;

/**
 * The agents of an event: the person or system that asked (BALP's {@code user} slice for people who
 * receive patient data), the client (the EPJ system, DICOM "Source Role ID"), the server (Kjernebro,
 * "Destination Role ID") and the municipality the request was made for.
 */
final class BalpAgents {

    private final String serverName;

    BalpAgents(String serverName) {
        this.serverName = serverName;
    }

    /** The requesting agent; {@code purpose} is the ActReason code from {@link BalpPurposeOfUse}. */
    void requestor(ObjectNode agent, AuditEntry e, Optional<String> purpose) {
        BalpActor actor = BalpActor.of(e);
        actor.writeType(agent.putObject("type"));
        ObjectNode who = agent.putObject("who");
        if (e.actorId() != null) {
            ObjectNode id = who.putObject("identifier");
            putIfPresent(id, "system", actor.identifierSystem());
            id.put("value", e.actorId());
        }
        putIfPresent(who, "display", e.actorName() != null ? e.actorName() : e.actorId());
        if (who.isEmpty()) {
            who.put("display", "unknown");
        }
        putIfPresent(agent, "name", e.actorName());
        agent.put("requestor", true);
        if (e.unit() != null && !e.unit().isBlank()) {
            agent.putObject("location").put("display", e.unit());
        }
        role(agent, e.professionOrRole());
        if (purpose.isPresent() || e.accessBasis() != null) {
            purposeOfUse(agent.putArray("purposeOfUse").addObject(), e, purpose);
        }
    }

    /** The purpose as codings: the ActReason code and, for a lookup, the samtykke code as sent. */
    static void purposeOfUse(ObjectNode concept, AuditEntry e, Optional<String> purpose) {
        ArrayNode codings = concept.putArray("coding");
        purpose.ifPresent(code -> coding(codings.addObject(), BalpCodes.ACT_REASON, code, null));
        if (e.accessBasis() != null && !e.accessBasis().isBlank()) {
            coding(codings.addObject(), BalpCodes.SAMTYKKE, e.accessBasis(), null);
        }
        putIfPresent(concept, "text", e.purpose());
    }

    private static void role(ObjectNode agent, String professionOrRole) {
        if (professionOrRole == null || professionOrRole.isBlank()) {
            return;
        }
        ObjectNode role = agent.putArray("role").addObject();
        Optional<Profession> profession = Profession.fromCode(professionOrRole);
        profession.ifPresent(p -> coding(role.putArray("coding").addObject(), Profession.CODE_SYSTEM, p.code(),
                p.norwegianName()));
        role.put("text", professionOrRole);
    }

    /** The calling EPJ (or, for a sweep, the adapter whose patient list it is). */
    static void client(ObjectNode agent, AuditEntry e) {
        coding(agent.putObject("type").putArray("coding").addObject(), BalpCodes.DCM, "110153", "Source Role ID");
        ObjectNode who = agent.putObject("who");
        if (e.adapterId() != null) {
            who.putObject("identifier").put("system", BalpCodes.ADAPTER).put("value", e.adapterId());
        }
        who.put("display", e.sourceSystem() != null ? e.sourceSystem() : "unknown system");
        agent.put("requestor", false);
    }

    /** Kjernebro, which received the request and recorded the event. */
    void server(ObjectNode agent) {
        coding(agent.putObject("type").putArray("coding").addObject(), BalpCodes.DCM, "110152",
                "Destination Role ID");
        agent.putObject("who").put("display", serverName);
        agent.put("requestor", false);
        agent.putObject("network").put("address", serverName).put("type", BalpCodes.NETWORK_MACHINE_NAME);
    }

    /** The municipality the access was made for: organisation number, and the kommunenummer by name. */
    static void tenant(ObjectNode agent, AuditEntry e) {
        coding(agent.putObject("type").putArray("coding").addObject(), BalpCodes.ROLE_CLASS, "PROV",
                "healthcare provider");
        ObjectNode who = agent.putObject("who");
        if (e.orgnr() != null) {
            who.putObject("identifier").put("system", BalpCodes.ORGNR).put("value", e.orgnr());
        }
        who.put("display", "kommunenummer " + e.kommunenummer());
        agent.put("requestor", false);
    }

    static boolean hasTenant(AuditEntry e) {
        return e.kommunenummer() != null && !e.kommunenummer().isBlank();
    }
}
