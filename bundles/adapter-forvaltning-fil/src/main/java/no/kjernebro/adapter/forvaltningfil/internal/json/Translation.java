package no.kjernebro.adapter.forvaltningfil.internal.json;

import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.RejectedRequest;

/**
 * What a request file translated to: a lookup for core to perform, or a refusal for core to record.
 * Either carries the credential the file presented (null when it had none or could not be read).
 */
public sealed interface Translation permits Translation.Accepted, Translation.Rejected {

    CallerCredential credential();

    Saksreferanse sak();

    /** The patient identity number as sent, when readable (to keep it out of error text). */
    String patientId();

    record Accepted(LookupRequest request, CallerCredential credential, Saksreferanse sak) implements Translation {
        @Override
        public String patientId() {
            return request.patientId();
        }
    }

    /**
     * @param unreadable the file could not be read as a JSON object at all, so its credential is unknown
     */
    record Rejected(RejectedRequest rejected, CallerCredential credential, Saksreferanse sak, boolean unreadable)
            implements Translation {
        @Override
        public String patientId() {
            return rejected.patientId();
        }
    }
}
