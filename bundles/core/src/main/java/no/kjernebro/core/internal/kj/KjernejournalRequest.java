package no.kjernebro.core.internal.kj;

import java.util.Set;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.core.internal.tenant.Tenant;

/**
 * One fetch. {@link #toString()} masks the patient and hides the token.
 *
 * @param tenant whose organisation number and HelseID client are used
 * @param samtykke the access basis, sent to Helseindikator (and so baked into the ticket)
 * @param samtykker the patient's additional consents: restricted critical information
 *        ({@code KJ-SAMTYKKE-SPERRET-KRITISKINFO}), restricted medication and locked prescriptions
 *        (the Legemiddel call's {@code samtykke-*} parameters)
 * @param sections the sections the policy granted
 * @param userToken the actor's HelseID access token
 * @param brukerrolle the actor's HPR profession code (the HIT header set's user role); null for a case worker
 * @param epjSystem the value of the X-EPJ-System header
 */
public record KjernejournalRequest(
        Tenant tenant,
        NationalIdentityNumber patient,
        AccessBasis samtykke,
        Samtykker samtykker,
        Set<Section> sections,
        String userToken,
        String brukerrolle,
        String epjSystem,
        String correlationId) {

    public KjernejournalRequest {
        sections = Set.copyOf(sections);
        samtykker = samtykker == null ? Samtykker.INGEN : samtykker;
    }

    /** The form without additional consents or user role (kept for existing callers). */
    public KjernejournalRequest(Tenant tenant, NationalIdentityNumber patient, AccessBasis samtykke,
                                Set<Section> sections, String userToken, String epjSystem, String correlationId) {
        this(tenant, patient, samtykke, Samtykker.INGEN, sections, userToken, null, epjSystem, correlationId);
    }

    /** The fetch for a validated lookup: consents and user role come from the lookup request. */
    public static KjernejournalRequest of(Tenant tenant, NationalIdentityNumber patient, LookupRequest lookup,
                                          Set<Section> sections, String epjSystem, String correlationId) {
        String rolle = lookup.actor() instanceof Actor.HealthPersonnel hp && hp.profession() != null
                ? hp.profession().code() : null;
        return new KjernejournalRequest(tenant, patient, lookup.accessBasis(), lookup.samtykker(), sections,
                lookup.userToken(), rolle, epjSystem, correlationId);
    }

    @Override
    public String toString() {
        return "KjernejournalRequest[" + tenant.kommunenummer() + ", patient=" + patient + ", " + samtykke
                + ", " + samtykker + ", " + sections + ", correlationId=" + correlationId + "]";
    }
}
