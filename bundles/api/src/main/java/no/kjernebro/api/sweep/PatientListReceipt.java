package no.kjernebro.api.sweep;

import java.time.Instant;
import java.util.List;

/**
 * What a registered patient list came to.
 *
 * @param listId the list's id; sweeps name the list they covered
 * @param patients distinct valid identity numbers now on the list
 * @param added patients that were not on the previous list
 * @param removed patients of the previous list that are gone (their last-check timestamps with them)
 * @param duplicates entries repeating a number already on the list (counted once)
 * @param invalid entries that are not valid identity numbers (left out)
 * @param invalidPositions zero-based positions of the first invalid entries (at most 20), never the numbers
 * @param fingerprint hex SHA-256 over the sorted list, recorded in the audit trail
 */
public record PatientListReceipt(String listId, String kommunenummer, Instant registeredAt, long patients, long added,
                                 long removed, long duplicates, long invalid, List<Long> invalidPositions,
                                 String fingerprint) {
    public PatientListReceipt {
        invalidPositions = invalidPositions == null ? List.of() : List.copyOf(invalidPositions);
    }
}
