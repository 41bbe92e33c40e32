package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.RejectedRequest;

/** What a lookup body translated to: a lookup for core to perform, or a refusal for core to record. */
public sealed interface Translation permits Translation.Accepted, Translation.Rejected {

    String correlationId();

    record Accepted(LookupRequest request) implements Translation {
        @Override
        public String correlationId() {
            return request.correlationId();
        }
    }

    record Rejected(RejectedRequest rejected) implements Translation {
        @Override
        public String correlationId() {
            return rejected.correlationId();
        }
    }
}
