package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** HelseID's structure naming the organisation (by organisation number) a multi-tenant client acts for. */
public final class AuthorizationDetails {

    private AuthorizationDetails() {
    }

    public static ArrayNode forOrganisation(String orgnr) {
        ObjectNode identifier = Jose.JSON.createObjectNode()
                .put("system", "urn:oid:1.0.6523")
                .put("type", "ENH")
                .put("value", "NO:ORGNR:" + orgnr);
        ObjectNode detail = Jose.JSON.createObjectNode().put("type", "helseid_authorization");
        detail.putObject("practitioner_role").putObject("organization").set("identifier", identifier);
        return Jose.JSON.createArrayNode().add(detail);
    }
}
