package no.kjernebro.simulator.internal.kj;

import java.time.Clock;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.simulator.internal.dataset.Pasient;
import no.kjernebro.simulator.internal.helseid.ResourceRequest;
import no.kjernebro.simulator.internal.http.Responses;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/fhir/Patient/$everything}: the patient's kjernejournal as a FHIR R4 Bundle. What the
 * caller may not see is left out and said so in an OperationOutcome entry: critical information the
 * patient restricted (unless {@code KJ-SAMTYKKE-SPERRET-KRITISKINFO: true}), and all clinical content
 * for a user without an HPR number.
 */
final class EverythingEndpoint implements Processor {

    static final String SPERRET_KRITISKINFO_HEADER = "KJ-SAMTYKKE-SPERRET-KRITISKINFO";
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
        PatientAccess.Granted granted = access.check(ResourceRequest.of(exchange),
                in.getHeader("X-kj-ticket", String.class), PatientAccess.Style.FHIR);
        // KJ-SAMTYKKE-BRUK overrides the access basis the ticket was issued with.
        String fraHeader = Samtykke.check(in.getHeader("KJ-SAMTYKKE-BRUK", String.class));
        String samtykke = fraHeader != null ? fraHeader : granted.ticket().samtykke();
        boolean samtykkeSperret = PatientAccess.flag(in, SPERRET_KRITISKINFO_HEADER, PatientAccess.Style.FHIR);
        Pasient pasient = granted.pasient();
        FhirBundleMapper.Innsyn innsyn = new FhirBundleMapper.Innsyn(
                granted.token().hprNumber() != null,
                !pasient.harSperret(Pasient.MODUL_KRITISK_INFO) || samtykkeSperret);

        access.record("fhir", granted, samtykke, fraHeader != null ? "header" : "ticket", in)
                .put("samtykkeSperretKritiskInfo", samtykkeSperret)
                .put("helsepersonell", innsyn.klinisk())
                .put("kritiskInfoVist", innsyn.kritiskInfo());
        LOG.info("$everything for {} by {} (samtykke {}, EPJ {}, clinical {}, critical information {})",
                NationalIdentityNumber.mask(pasient.fnr()), granted.token().claims().path("sub").asText(),
                samtykke, in.getHeader(KjernejournalRoutes.EPJ_SYSTEM_HEADER), innsyn.klinisk(), innsyn.kritiskInfo());
        Responses.fhir(exchange, 200, new FhirBundleMapper(pasient, clock).bundle(innsyn));
    }
}
