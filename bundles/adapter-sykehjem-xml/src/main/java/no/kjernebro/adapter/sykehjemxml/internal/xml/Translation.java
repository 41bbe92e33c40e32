package no.kjernebro.adapter.sykehjemxml.internal.xml;

import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.RejectedRequest;

/** What a message translated to: a lookup for core to perform, or a refusal for core to record. */
public sealed interface Translation permits Translation.Accepted, Translation.Rejected {

    /** The patient identity number as sent, when one was readable (to keep it out of error text). */
    String patientId();

    String correlationId();

    record Accepted(LookupRequest request) implements Translation {
        @Override
        public String patientId() {
            return request.patientId();
        }

        @Override
        public String correlationId() {
            return request.correlationId();
        }
    }

    record Rejected(RejectedRequest rejected) implements Translation {
        @Override
        public String patientId() {
            return rejected.patientId();
        }

        @Override
        public String correlationId() {
            return rejected.correlationId();
        }
    }
}
