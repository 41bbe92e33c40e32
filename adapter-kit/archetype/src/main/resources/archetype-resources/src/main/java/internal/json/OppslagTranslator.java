package ${package}.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
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
 * Translates a request body into a canonical {@link LookupRequest}, or into a {@link RejectedRequest}
 * carrying every field that could be read (so core can authenticate the caller and audit the refusal of
 * a named patient). It judges only the form: the identity number's checksum, the credential, the tenant
 * and the policy are core's to judge.
 */
public final class OppslagTranslator {

    static final ServiceContext SERVICE_CONTEXT = ServiceContext.${serviceContext};

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern KOMMUNENUMMER = Pattern.compile("\\d{4}");
    private static final Pattern HPR_NUMMER = Pattern.compile("\\d{1,10}");
    private static final int MAX_TEXT = 200;
    private static final List<String> SAMTYKKER =
            List.of("sperretKritiskInfo", "sperretLegemidler", "lasteResepter");

    private final int maxBytes;

    public OppslagTranslator(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Translation translate(InputStream body, Long declaredLength, String userToken) {
        ObjectNode root;
        try {
            root = StrictJson.parseObject(BoundedBody.read(body, declaredLength, maxBytes));
        } catch (TranslationException e) {
            return refuse(e.error(), e.getMessage());
        }
        String correlationId = Optional.ofNullable(readable(root, "meldingsId"))
                .filter(id -> MESSAGE_ID.matcher(id).matches()).orElseGet(() -> UUID.randomUUID().toString());
        try {
            return new Translation.Accepted(request(root, userToken, correlationId));
        } catch (TranslationException e) {
            return new Translation.Rejected(new RejectedRequest(readable(root, "kommunenummer"), OppslagFormat.ADAPTER_ID,
                    readable(root, "pasient", "fodselsnummer"), readable(root, "bruker", "hprNummer"),
                    readable(root, "bruker", "kategori"), SERVICE_CONTEXT.name(), readable(root, "tilgangsgrunnlag"),
                    readable(root, "system", "navn"), correlationId, e.error(), e.getMessage()));
        }
    }

    /** A refusal decided before any field could be read (media type, size, syntax). */
    public Translation.Rejected refuse(ErrorCode error, String message) {
        return new Translation.Rejected(new RejectedRequest(null, OppslagFormat.ADAPTER_ID, null, null, null,
                SERVICE_CONTEXT.name(), null, null, UUID.randomUUID().toString(), error, message));
    }

    private static LookupRequest request(ObjectNode root, String userToken, String correlationId)
            throws TranslationException {
        String meldingsId = text(root, false, "meldingsId");
        if (meldingsId != null && !MESSAGE_ID.matcher(meldingsId).matches()) {
            throw invalid("field 'meldingsId' must be 1 to 100 letters, digits or '.', '_', ':', '-'");
        }
        String kommunenummer = matching(root, KOMMUNENUMMER, "4 digits", "kommunenummer");
        String enhet = text(root, false, "enhet");
        String systemNavn = text(root, false, "system", "navn");
        SourceSystem system = systemNavn == null ? null : new SourceSystem(systemNavn, text(root, false, "system", "versjon"));
        String hprNummer = matching(root, HPR_NUMMER, "digits", "bruker", "hprNummer");
        String navn = text(root, true, "bruker", "navn");
        String kategori = text(root, true, "bruker", "kategori");
        Profession profession = Profession.fromCode(kategori).orElseThrow(() -> new TranslationException(
                ErrorCode.UNKNOWN_PROFESSION, "field 'bruker.kategori' is not an HPR profession code"));
        String patientId = text(root, true, "pasient", "fodselsnummer");
        AccessBasis accessBasis = code(AccessBasis.class, text(root, true, "tilgangsgrunnlag"), ErrorCode.UNKNOWN_ACCESS_BASIS,
                "field 'tilgangsgrunnlag' must be HPMOTTATTSAMTYKKE, HPAKUTT or HPUNNTAK");
        Samtykker samtykker = samtykker(root);
        return new LookupRequest(new Requester(kommunenummer, null, enhet),
                new Actor.HealthPersonnel(hprNummer, navn, profession), SERVICE_CONTEXT, patientId, accessBasis,
                sections(root), system, OppslagFormat.ADAPTER_ID, userToken, correlationId, samtykker);
    }

    /**
     * The patient's additional consents given at the point of care, {@code "tilleggssamtykke"}. Strict: a
     * consent is a JSON true or false, and an unknown key is refused rather than read as "not given".
     */
    private static Samtykker samtykker(ObjectNode root) throws TranslationException {
        JsonNode node = root.get("tilleggssamtykke");
        if (node == null || node.isNull()) {
            return Samtykker.INGEN;
        }
        if (!node.isObject()) {
            throw invalid("field 'tilleggssamtykke' must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SAMTYKKER.contains(name)) {
                throw invalid("field 'tilleggssamtykke' may hold only " + String.join(", ", SAMTYKKER));
            }
        }
        return new Samtykker(flag(node, "sperretKritiskInfo"), flag(node, "sperretLegemidler"),
                flag(node, "lasteResepter"));
    }

    private static boolean flag(JsonNode samtykker, String name) throws TranslationException {
        JsonNode value = samtykker.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid("field 'tilleggssamtykke." + name + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static Set<Section> sections(ObjectNode root) throws TranslationException {
        JsonNode deler = root.get("deler");
        Set<Section> wanted = EnumSet.noneOf(Section.class);
        if (deler == null || deler.isNull()) {
            return wanted;
        }
        if (!deler.isArray()) {
            throw invalid("field 'deler' must be an array of section names");
        }
        for (JsonNode del : deler) {
            wanted.add(code(Section.class, del.isTextual() ? del.asText() : null, ErrorCode.INVALID_REQUEST,
                    "field 'deler' names an unknown section"));
        }
        return wanted;
    }

    private static <E extends Enum<E>> E code(Class<E> type, String value, ErrorCode error, String message)
            throws TranslationException {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new TranslationException(error, message);
    }

    private static String matching(ObjectNode root, Pattern pattern, String form, String... path)
            throws TranslationException {
        String value = text(root, true, path);
        if (!pattern.matcher(value).matches()) {
            throw invalid("field '" + String.join(".", path) + "' must be " + form);
        }
        return value;
    }

    /** A string field, trimmed; null when absent and optional. */
    private static String text(ObjectNode root, boolean required, String... path) throws TranslationException {
        JsonNode node = at(root, path);
        String name = String.join(".", path);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                throw invalid("missing field '" + name + "'");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw invalid("field '" + name + "' must be a string");
        }
        String value = node.asText().strip();
        if (value.length() > MAX_TEXT) {
            throw invalid("field '" + name + "' is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    /** The field as sent if it is a string, else null: for a rejection, judged by nobody. */
    private static String readable(ObjectNode root, String... path) {
        JsonNode node = at(root, path);
        return node != null && node.isTextual() ? node.asText().strip() : null;
    }

    private static JsonNode at(JsonNode root, String... path) {
        JsonNode node = root;
        for (String name : path) {
            node = node == null || !node.isObject() ? null : node.get(name);
        }
        return node;
    }

    private static TranslationException invalid(String message) {
        return new TranslationException(ErrorCode.INVALID_REQUEST, message);
    }
}
