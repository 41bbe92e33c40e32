package no.kjernebro.api.summary;

/** A next of kin or contact person, as the patient registered them. */
public record Paarorende(String name, String relation, String phone, boolean contactPerson) {
}
