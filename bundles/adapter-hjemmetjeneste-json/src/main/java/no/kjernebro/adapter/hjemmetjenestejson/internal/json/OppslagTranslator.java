package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.Profession;
import no.kjernebro.api.lookup.RejectedRequest;
import no.kjernebro.api.lookup.Requester;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.lookup.ServiceContext;
import no.kjernebro.api.lookup.SourceSystem;

/**
 * Translates a home-care lookup ({@code POST .../v1/oppslag}) into a canonical {@link LookupRequest}
 * with service context HJEMMETJENESTE, or into a {@link RejectedRequest} carrying everything that could
 * be read. Only the form is judged here; the identity number's checksum, tenant and policy are core's.
 */
public final class OppslagTranslator {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern KOMMUNENUMMER = Pattern.compile("\\d{4}");
    private static final Pattern ORGNR = Pattern.compile("\\d{9}");
    private static final Pattern HPR = Pattern.compile("\\d{1,10}");
    private static final int MAX_TEXT = 200;

    private final int maxBytes;
    private final Supplier<String> newCorrelationId;

    public OppslagTranslator(int maxBytes) {
        this(maxBytes, () -> UUID.randomUUID().toString());
    }

    OppslagTranslator(int maxBytes, Supplier<String> newCorrelationId) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.newCorrelationId = newCorrelationId;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * @param declaredLength the Content-Length, or null when unknown
     * @param userToken the nurse's HelseID access token from the header, or null
     */
    public Translation translate(InputStream body, Long declaredLength, String userToken) {
        if (declaredLength != null && declaredLength > maxBytes) {
            return refuse(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
        }
        JsonNode root;
        try {
            root = body == null ? null : JsonLimits.mapper().readTree(new BoundedInputStream(body, maxBytes));
        } catch (IOException e) {
            TranslationException problem = JsonProblems.of(e);
            return refuse(problem.error(), problem.getMessage());
        }
        if (root == null || !root.isObject()) {
            return refuse(ErrorCode.MALFORMED_MESSAGE, "the body must be one JSON object");
        }
        Fields f = new Fields(root, MAX_TEXT);
        String correlationId = usableRequestId(f.lenient("requestId"));
        if (correlationId == null) {
            correlationId = newCorrelationId.get();
        }
        try {
            return new Translation.Accepted(toRequest(f, blankToNull(userToken), correlationId));
        } catch (TranslationException e) {
            return new Translation.Rejected(new RejectedRequest(f.lenient("kommuneNr"),
                    HjemmetjenesteFormat.ADAPTER_ID, f.lenient("patient", "personnummer"),
                    f.lenient("employee", "hprNr"), f.lenient("employee", "helsepersonellKategori"),
                    ServiceContext.HJEMMETJENESTE.name(), f.lenient("tilgangsgrunnlag"), sourceSystem(f),
                    correlationId, e.error(), e.getMessage()));
        }
    }

    /** A refusal decided before any field could be read (content type, size, syntax). */
    public Translation.Rejected refuse(ErrorCode error, String message) {
        return new Translation.Rejected(new RejectedRequest(null, HjemmetjenesteFormat.ADAPTER_ID, null, null, null,
                ServiceContext.HJEMMETJENESTE.name(), null, null, newCorrelationId.get(), error, message));
    }

    private static LookupRequest toRequest(Fields f, String userToken, String correlationId)
            throws TranslationException {
        String requestId = f.optional("requestId");
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            throw invalid("requestId must be 1 to 100 letters, digits or '.', '_', ':', '-'");
        }
        Requester requester = new Requester(f.matching(KOMMUNENUMMER, "4 digits", "kommuneNr"),
                f.matching(ORGNR, "9 digits", "orgNr"), f.required("careUnit"));
        SourceSystem source = new SourceSystem(f.required("clientSystem", "name"), f.optional("clientSystem", "version"));
        String hpr = f.matching(HPR, "digits only", "employee", "hprNr");
        String name = f.required("employee", "name");
        String code = f.required("employee", "helsepersonellKategori");
        Profession profession = Profession.fromCode(code).orElseThrow(() -> new TranslationException(
                ErrorCode.UNKNOWN_PROFESSION, "employee.helsepersonellKategori '" + code
                        + "' is not an HPR profession code such as SP, LE, VP, HF, FA1 or FA2"));
        String patientId = f.required("patient", "personnummer");
        String basis = f.required("tilgangsgrunnlag");
        AccessBasis accessBasis = accessBasis(basis);
        Samtykker samtykker = Tilleggssamtykke.read(f.root());
        return new LookupRequest(requester, new Actor.HealthPersonnel(hpr, name, profession),
                ServiceContext.HJEMMETJENESTE, patientId, accessBasis, wanted(f), source,
                HjemmetjenesteFormat.ADAPTER_ID, userToken, correlationId, samtykker);
    }

    private static AccessBasis accessBasis(String code) throws TranslationException {
        for (AccessBasis basis : AccessBasis.values()) {
            if (basis.name().equals(code)) {
                return basis;
            }
        }
        throw new TranslationException(ErrorCode.UNKNOWN_ACCESS_BASIS, "tilgangsgrunnlag '" + code
                + "' must be HPMOTTATTSAMTYKKE, HPAKUTT or HPUNNTAK");
    }

    private static Set<Section> wanted(Fields f) throws TranslationException {
        Set<Section> wanted = EnumSet.noneOf(Section.class);
        for (String key : f.stringArray("include")) {
            wanted.add(Inkluder.fromKey(key).orElseThrow(() -> invalid("include '" + key + "' is not one of "
                    + Inkluder.keys())).section());
        }
        return wanted;
    }

    private static String sourceSystem(Fields f) {
        String name = f.lenient("clientSystem", "name");
        String version = f.lenient("clientSystem", "version");
        return name == null ? null : version == null ? name : name + " " + version;
    }

    private static String usableRequestId(String value) {
        return value != null && REQUEST_ID.matcher(value).matches() ? value : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static TranslationException invalid(String message) {
        return new TranslationException(ErrorCode.INVALID_REQUEST, message);
    }
}
