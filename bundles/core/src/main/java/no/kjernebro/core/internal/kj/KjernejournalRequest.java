package no.kjernebro.core.internal.kj;

import java.util.Set;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.core.internal.tenant.Tenant;

/**
 * One fetch. {@link #toString()} masks the patient and hides the token.
 *
 * @param tenant whose organisation number and HelseID client are used
 * @param sections the sections the policy granted
 * @param userToken the actor's HelseID access token
 * @param epjSystem the value of the X-EPJ-System header
 */
public record KjernejournalRequest(
        Tenant tenant,
        NationalIdentityNumber patient,
        AccessBasis samtykke,
        Set<Section> sections,
        String userToken,
        String epjSystem,
        String correlationId) {

    public KjernejournalRequest {
        sections = Set.copyOf(sections);
    }

    @Override
    public String toString() {
        return "KjernejournalRequest[" + tenant.kommunenummer() + ", patient=" + patient + ", " + samtykke
                + ", " + sections + ", correlationId=" + correlationId + "]";
    }
}
