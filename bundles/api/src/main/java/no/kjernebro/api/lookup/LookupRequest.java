package no.kjernebro.api.lookup;

import java.util.Objects;
import java.util.Set;
import no.kjernebro.api.identity.NationalIdentityNumber;

/**
 * One lookup in canonical form, as an adapter translated it from the vendor's message. The patient
 * identity number is kept as sent: core validates it, so that an invalid number is refused and
 * audited in one place. {@link #toString()} masks the patient and hides the user token.
 *
 * @param requester the municipality and unit
 * @param actor the health worker or case worker
 * @param serviceContext where the patient is being served
 * @param patientId the national identity number as sent (fnr, D-, H- or synthetic number)
 * @param accessBasis the consent code
 * @param wantedSections what the caller asks for; empty means everything the policy allows
 * @param sourceSystem the calling EPJ
 * @param adapterId the adapter that translated the message
 * @param userToken the actor's HelseID access token, passed on to kjernejournal
 * @param correlationId the caller's id for this request (or one the adapter assigned)
 * @param samtykker the patient's additional consents given at the point of care (restricted modules,
 *        locked prescriptions); {@link Samtykker#INGEN} when none. Since 1.1
 * @param purpose the purpose of use the caller stated (formål, e.g. an allocation office's case step and
 *        case number), recorded in the audit log; null when the dialect has none. Since 1.1
 */
public record LookupRequest(
        Requester requester,
        Actor actor,
        ServiceContext serviceContext,
        String patientId,
        AccessBasis accessBasis,
        Set<Section> wantedSections,
        SourceSystem sourceSystem,
        String adapterId,
        String userToken,
        String correlationId,
        Samtykker samtykker,
        String purpose) {

    /** The 1.0 form, without additional consents. */
    public LookupRequest(Requester requester, Actor actor, ServiceContext serviceContext, String patientId,
                         AccessBasis accessBasis, Set<Section> wantedSections, SourceSystem sourceSystem,
                         String adapterId, String userToken, String correlationId) {
        this(requester, actor, serviceContext, patientId, accessBasis, wantedSections, sourceSystem, adapterId,
                userToken, correlationId, Samtykker.INGEN, null);
    }

    /** With additional consents, without a stated purpose. */
    public LookupRequest(Requester requester, Actor actor, ServiceContext serviceContext, String patientId,
                         AccessBasis accessBasis, Set<Section> wantedSections, SourceSystem sourceSystem,
                         String adapterId, String userToken, String correlationId, Samtykker samtykker) {
        this(requester, actor, serviceContext, patientId, accessBasis, wantedSections, sourceSystem, adapterId,
                userToken, correlationId, samtykker, null);
    }

    public LookupRequest {
        samtykker = samtykker == null ? Samtykker.INGEN : samtykker;
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(serviceContext, "serviceContext");
        Objects.requireNonNull(accessBasis, "accessBasis");
        Objects.requireNonNull(adapterId, "adapterId");
        wantedSections = wantedSections == null ? Set.of() : Set.copyOf(wantedSections);
    }

    @Override
    public String toString() {
        return "LookupRequest[" + requester + ", " + actor + ", " + serviceContext
                + ", patient=" + NationalIdentityNumber.mask(patientId) + ", " + accessBasis
                + ", wanted=" + wantedSections + ", " + sourceSystem + ", adapter=" + adapterId
                + ", correlationId=" + correlationId + "]";
    }
}
