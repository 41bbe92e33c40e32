package no.kjernebro.simulator.internal.kj;

import java.time.Clock;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.simulator.internal.http.Responses;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /v1/fhir/Patient/$everything}: the patient's kjernejournal as a FHIR R4 Bundle. */
final class EverythingEndpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(EverythingEndpoint.class);

    private final PatientAccess access;
    private final Clock clock;

    EverythingEndpoint(PatientAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        PatientAccess.Granted granted = access.check(in.getHeader("Authorization", String.class),
                in.getHeader("X-kj-ticket", String.class), PatientAccess.Style.FHIR);
        // KJ-SAMTYKKE-BRUK overrides the access basis the ticket was issued with.
        String samtykke = Samtykke.check(in.getHeader("KJ-SAMTYKKE-BRUK", String.class));
        if (samtykke == null) {
            samtykke = granted.ticket().samtykke();
        }
        LOG.info("$everything for {} by {} (samtykke {}, EPJ {})",
                NationalIdentityNumber.mask(granted.pasient().fnr()), granted.token().claims().path("sub").asText(),
                samtykke, in.getHeader(KjernejournalRoutes.EPJ_SYSTEM_HEADER));
        Responses.fhir(exchange, 200, new FhirBundleMapper(granted.pasient(), clock).bundle());
    }
}
