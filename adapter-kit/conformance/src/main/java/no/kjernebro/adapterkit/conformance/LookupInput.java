package no.kjernebro.adapterkit.conformance;

/**
 * What a lookup message must carry, for the adapter's test to write in its dialect: everything else
 * (the actor, the access basis, the user token {@link Demo#USER_TOKEN}) is the adapter's valid default.
 *
 * @param kommunenummer the municipality the message claims (for a file adapter also the folder it goes to)
 * @param credential the EPJ system's credential, sent the dialect's way; null: send none
 * @param patientId the patient's identity number
 */
public record LookupInput(String kommunenummer, String credential, String patientId) {

    /** A lookup that core accepts: the demo municipality with its credential. */
    public static LookupInput valid(String patientId) {
        return new LookupInput(Demo.KOMMUNENUMMER, Demo.API_KEY, patientId);
    }

    public LookupInput withCredential(String credential) {
        return new LookupInput(kommunenummer, credential, patientId);
    }

    public LookupInput withKommunenummer(String kommunenummer) {
        return new LookupInput(kommunenummer, credential, patientId);
    }
}
