package no.kjernebro.core.internal.kj;

import java.util.List;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.tenant.Tenant;

/**
 * Asks kjernejournal's Legemiddelvarsling with the tenant's system token. Knows nothing of tenants'
 * enablement or auditing: the Legemiddelvarsling service does that on top.
 */
public interface LegemiddelvarslingClient {

    /** The most patients one request may carry (configuration {@code legemiddelvarsling.maxBatchSize}). */
    int maxBatchSize();

    /**
     * @param pasienter valid identity numbers, at most {@link #maxBatchSize()}
     * @param epjSystem the value of the X-EPJ-System header
     * @return one answer per patient, in the order asked
     * @throws KjernejournalException with the error code to report; never any other exception
     */
    List<VarslingSvar> sjekk(Tenant tenant, List<PasientSjekk> pasienter, String epjSystem, String correlationId)
            throws KjernejournalException;
}
