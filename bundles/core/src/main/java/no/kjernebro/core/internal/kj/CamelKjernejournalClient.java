package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.api.summary.Legemidler;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.tenant.Tenant;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The kjernejournal client over camel-http, in a CamelContext of its own ({@value #CONTEXT_NAME}):
 * its HTTP timeouts are set on that context's http components without touching the adapters', and
 * reconfiguring or restarting it never disturbs adapter routes.
 */
public final class CamelKjernejournalClient implements KjernejournalClient, LegemiddelvarslingClient, AutoCloseable {

    public static final String CONTEXT_NAME = "kjernebro-kj";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sections that come from the FHIR $everything bundle; everything but medication. */
    private static final Set<Section> FHIR_SECTIONS = EnumSet.complementOf(EnumSet.of(Section.LEGEMIDLER));

    private final KjernejournalSettings settings;
    private final Clock clock;
    private final CamelContext context;
    private final ProducerTemplate template;
    private final KjHttp http;
    private final SystemTokens tokens;
    private final LegemiddelvarslingCall legemiddelvarsling;

    private CamelKjernejournalClient(KjernejournalSettings settings, Clock clock, CamelContext context) {
        this.settings = settings;
        this.clock = clock;
        this.context = context;
        this.template = context.createProducerTemplate();
        this.http = new KjHttp(template);
        this.tokens = new SystemTokens(http, settings, clock);
        this.legemiddelvarsling = new LegemiddelvarslingCall(http, tokens, settings);
    }

    /** Creates and starts the client's context. */
    public static CamelKjernejournalClient start(KjernejournalSettings settings, Clock clock) throws Exception {
        DefaultCamelContext ctx = new DefaultCamelContext();
        ctx.getCamelContextExtension().setName(CONTEXT_NAME);
        ctx.setApplicationContextClassLoader(CamelContext.class.getClassLoader());
        for (String scheme : new String[] {"http", "https"}) {
            HttpComponent component = ctx.getComponent(scheme, HttpComponent.class);
            component.setConnectTimeout(settings.connectTimeoutMs());
            component.setConnectionRequestTimeout(settings.connectTimeoutMs());
            component.setResponseTimeout(settings.responseTimeoutMs());
            component.setSoTimeout(settings.responseTimeoutMs());
        }
        ctx.addRoutes(new KjRoutes(settings));
        ctx.start();
        return new CamelKjernejournalClient(settings, clock, ctx);
    }

    @Override
    public PatientSummary fetch(KjernejournalRequest request) throws KjernejournalException {
        try {
            return doFetch(request);
        } catch (KjernejournalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KjernejournalException(ErrorCode.INTERNAL_ERROR, "kjernejournal client failed: " + e, e);
        }
    }

    @Override
    public int maxBatchSize() {
        return settings.legemiddelvarslingMaxBatchSize();
    }

    @Override
    public List<VarslingSvar> sjekk(Tenant tenant, List<PasientSjekk> pasienter, String epjSystem,
                                    String correlationId) throws KjernejournalException {
        try {
            return legemiddelvarsling.sjekk(tenant, pasienter, epjSystem, correlationId);
        } catch (RuntimeException e) {
            throw new KjernejournalException(ErrorCode.INTERNAL_ERROR, "Legemiddelvarsling client failed: " + e, e);
        }
    }

    private PatientSummary doFetch(KjernejournalRequest request) throws KjernejournalException {
        JsonNode indicatorJson = helseindikator(request);
        Helseindikator indicator = HelseindikatorMapper.map(indicatorJson);
        String patientId = request.patient().value();
        if (indicator.status() == 0) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED,
                    "kjernejournal does not accept the identity number: " + indicator.returTekst());
        }
        if (!indicator.harKjernejournal()) {
            return new PatientSummary(patientId, indicator, Set.of(), null, null, null, null, null, null, null, null);
        }
        if (indicator.eksistererBlokkertHelsepersonell()) {
            throw new KjernejournalException(ErrorCode.PATIENT_BLOCKED_PERSONNEL,
                    "the patient has blocked health personnel; kjernejournal shares no clinical data through the API");
        }
        String ticket = Nodes.text(indicatorJson, "ticket");
        if (ticket == null || ticket.isBlank()) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED,
                    "Helseindikator status " + indicator.status() + " came without a ticket");
        }
        Set<Section> wanted = request.sections();
        FhirBundleMapper.Content fhir = null;
        if (wanted.stream().anyMatch(FHIR_SECTIONS::contains)) {
            fhir = FhirBundleMapper.map(everything(request, ticket));
        }
        Legemidler legemidler = null;
        if (wanted.contains(Section.LEGEMIDLER)) {
            legemidler = LegemiddelMapper.map(legemidler(request, ticket));
        }
        PatientSummary all = fhir == null
                ? new PatientSummary(patientId, indicator, wanted, null, null, null, legemidler, null, null, null, null)
                : new PatientSummary(patientId, indicator, wanted, fhir.personalia(), fhir.fastlege(), fhir.paarorende(),
                        legemidler, fhir.kritiskInformasjon(), fhir.vaksiner(), fhir.besokshistorikk(),
                        fhir.egneRegistreringer());
        // The bundle holds every section; only the granted ones leave the client.
        return all.restrictedTo(wanted);
    }

    private JsonNode helseindikator(KjernejournalRequest request) throws KjernejournalException {
        ObjectNode body = JSON.createObjectNode()
                .put("fnr", request.patient().value())
                .put("legemiddelFraDato", historyStart().toString())
                .put("samtykke", request.samtykke().name());
        KjHttp.Answer answer = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            Map<String, Object> headers = headers(request, "Bearer " + tokens.token(request.tenant()));
            headers.put("Content-Type", "application/json");
            answer = http.call(KjRoutes.HELSEINDIKATOR, "Helseindikator", headers, body.toString());
            if (answer.status() != 401) {
                break;
            }
            // A cached token the server no longer accepts (e.g. its signing key changed): renew once.
            tokens.evict(request.tenant());
        }
        return json(check(answer, "Helseindikator", false), "Helseindikator");
    }

    private JsonNode everything(KjernejournalRequest request, String ticket) throws KjernejournalException {
        Map<String, Object> headers = headers(request, "Bearer " + request.userToken());
        headers.put("X-kj-ticket", ticket);
        headers.put("Accept", "application/fhir+json");
        return json(check(http.call(KjRoutes.EVERYTHING, "critical information", headers, null),
                "critical information", true), "critical information");
    }

    private JsonNode legemidler(KjernejournalRequest request, String ticket) throws KjernejournalException {
        Map<String, Object> headers = headers(request, "Bearer " + request.userToken());
        String fra = historyStart().atStartOfDay().atOffset(ZoneOffset.UTC).toString();
        headers.put("CamelHttpQuery", "ticket=" + encode(ticket) + "&fra=" + encode(fra) + "&utvidet-oppslag=true");
        return json(check(http.call(KjRoutes.LEGEMIDLER, "medication", headers, null), "medication", false),
                "medication");
    }

    private Map<String, Object> headers(KjernejournalRequest request, String authorization) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("Authorization", authorization);
        headers.put(settings.epjSystemHeader(), request.epjSystem());
        headers.put("Accept", "application/json");
        if (request.correlationId() != null) {
            headers.put("X-Correlation-ID", request.correlationId());
        }
        return headers;
    }

    private static KjHttp.Answer check(KjHttp.Answer answer, String what, boolean forbiddenMeansBlocked)
            throws KjernejournalException {
        if (answer.ok()) {
            return answer;
        }
        if (answer.status() >= 500) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, what + ": kjernejournal answered " + answer.status());
        }
        if (answer.status() == 403 && forbiddenMeansBlocked) {
            throw new KjernejournalException(ErrorCode.PATIENT_BLOCKED_PERSONNEL,
                    what + ": the patient has blocked this health worker");
        }
        throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, what + ": kjernejournal answered " + answer.status());
    }

    private static JsonNode json(KjHttp.Answer answer, String what) throws KjernejournalException {
        try {
            JsonNode node = JSON.readTree(answer.body() == null ? "" : answer.body());
            if (node == null || !node.isObject()) {
                throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, what + ": answer is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, what + ": answer is not JSON", e);
        }
    }

    private LocalDate historyStart() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusMonths(settings.legemiddelHistorikkMaaneder());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            template.stop();
        } finally {
            context.stop();
        }
    }
}
