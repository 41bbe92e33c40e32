package no.kjernebro.api.varsling;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Asks kjernejournal's Legemiddelvarsling, with the municipality's system token, which patients have new
 * medication information. Implemented by core, which checks the tenant, audits every patient in the batch
 * as a system-level query and never throws for bad input (invalid identity numbers are answered as
 * having no kjernejournal and audited as refused).
 */
@ProviderType
public interface Legemiddelvarsling {

    /** The service's maximum number of patients per request. */
    int maxBatchSize();

    /** Answers, in the order asked, one per patient. */
    List<VarslingSvar> sjekk(VarslingForesporsel foresporsel) throws VarslingException;
}
