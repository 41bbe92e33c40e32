package no.kjernebro.api.varsling;

import java.util.List;

/**
 * One batch for one municipality. A system-level query: it is made by Kjernebro on the municipality's
 * behalf, not by a health worker, and is audited with who initiated it.
 *
 * @param kommunenummer the municipality whose HelseID client and organisation number are used
 * @param initiatedBy who scheduled or started the sweep (operator, EPJ system), for the audit record
 * @param adapterId the adapter through which the sweep was registered
 * @param pasienter at most {@link Legemiddelvarsling#maxBatchSize()} patients
 * @param correlationId ties the batch's audit records together (e.g. sweep id + batch number)
 */
public record VarslingForesporsel(String kommunenummer, String initiatedBy, String adapterId,
                                  List<PasientSjekk> pasienter, String correlationId) {
    public VarslingForesporsel {
        pasienter = pasienter == null ? List.of() : List.copyOf(pasienter);
    }
}
