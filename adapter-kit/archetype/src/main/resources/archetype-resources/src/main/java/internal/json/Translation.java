package ${package}.internal.json;

import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.RejectedRequest;

/** What a request translated to: a lookup for core to perform, or a refusal for core to record. */
public sealed interface Translation permits Translation.Accepted, Translation.Rejected {

    /** The identity number as sent, when readable (to keep it out of error documents). */
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
