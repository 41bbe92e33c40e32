package no.kjernebro.adapter.forvaltningfil.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.RejectedRequest;
import no.kjernebro.api.lookup.Requester;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.lookup.ServiceContext;
import no.kjernebro.api.lookup.SourceSystem;

/**
 * Translates a request file into a canonical {@link LookupRequest} for the allocation office, or into a
 * {@link RejectedRequest} carrying every field that could be read. It judges only the form of the
 * request: the identity number's checksum, the credential, the tenant and the policy are core's to
 * judge (and audit). Unknown fields are reported first, then fields in the documented order.
 */
public final class OppslagTranslator {

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern SAKSNUMMER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]{0,39}");
    private static final Pattern KOMMUNENUMMER = Pattern.compile("\\d{4}");
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern ROLLE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final int MAX_NAME = 200;
    private static final int MAX_VERSION = 50;

    private final HardenedJson json;
    private final int maxBytes;
    private final Supplier<String> newMessageId;

    public OppslagTranslator(int maxBytes) {
        this(maxBytes, () -> UUID.randomUUID().toString());
    }

    OppslagTranslator(int maxBytes, Supplier<String> newMessageId) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.json = new HardenedJson(maxBytes);
        this.maxBytes = maxBytes;
        this.newMessageId = newMessageId;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * @param content the whole file (the caller has bounded it to {@link #maxBytes()})
     * @param mappekommune the municipality whose inbox folder the file was delivered to
     */
    public Translation translate(byte[] content, String mappekommune) {
        if (content.length > maxBytes) {
            return refuse(ErrorCode.PAYLOAD_TOO_LARGE, "the file is larger than " + maxBytes + " bytes", mappekommune);
        }
        JsonNode root;
        try {
            root = json.parseObject(content);
        } catch (TranslationException e) {
            return refuse(e.error(), e.getMessage(), mappekommune);
        }
        RawOppslag raw = OppslagReader.read(root);
        String meldingsId = usable(raw.meldingsId(), MESSAGE_ID);
        String saksnummer = usable(raw.saksnummer(), SAKSNUMMER);
        String correlationId = ForvaltningFormat.correlationId(saksnummer,
                meldingsId != null ? meldingsId : newMessageId.get());
        String formaal = Formaal.fromCode(raw.formaal().usable()).map(Enum::name).orElse(null);
        Saksreferanse sak = new Saksreferanse(saksnummer, meldingsId, mappekommune, formaal, correlationId);
        CallerCredential credential = credential(raw.apiNokkel());
        try {
            return new Translation.Accepted(toRequest(raw, mappekommune, correlationId), credential, sak);
        } catch (TranslationException e) {
            return new Translation.Rejected(new RejectedRequest(mappekommune, ForvaltningFormat.ADAPTER_ID,
                    raw.fodselsnummer().usable(), raw.helseIdSubjekt().usable(), raw.rolle().usable(),
                    ServiceContext.TILDELINGSKONTOR.name(), raw.tilgangsgrunnlag().usable(), raw.sourceSystem(),
                    correlationId, e.error(), e.getMessage()), credential, sak, false);
        }
    }

    /** A refusal decided before any field of the file could be read (size, encoding, syntax). */
    public Translation.Rejected refuse(ErrorCode error, String message, String mappekommune) {
        String correlationId = ForvaltningFormat.correlationId(null, newMessageId.get());
        return new Translation.Rejected(new RejectedRequest(mappekommune, ForvaltningFormat.ADAPTER_ID, null, null,
                null, ServiceContext.TILDELINGSKONTOR.name(), null, null, correlationId, error, message), null,
                new Saksreferanse(null, null, mappekommune, null, correlationId), true);
    }

    private static LookupRequest toRequest(RawOppslag raw, String mappekommune, String correlationId)
            throws TranslationException {
        if (!raw.structureProblems().isEmpty()) {
            throw invalid(raw.structureProblems().get(0));
        }
        matching(raw.meldingsId(), MESSAGE_ID, "1 to 64 letters, digits or '.', '_', ':', '-'");
        matching(raw.saksnummer(), SAKSNUMMER, "1 to 40 letters, digits or '/', '.', '_', '-', starting with a letter or digit");
        String kommune = matching(raw.kommune(), KOMMUNENUMMER, "4 digits");
        if (!kommune.equals(mappekommune)) {
            throw invalid("field 'kommune' is " + kommune + " but the file was delivered to the folder of " + mappekommune);
        }
        SourceSystem sourceSystem = new SourceSystem(bounded(raw.fagsystemNavn().required(), raw.fagsystemNavn(), MAX_NAME),
                bounded(raw.fagsystemVersjon().optional(), raw.fagsystemVersjon(), MAX_VERSION));
        Actor actor = new Actor.CaseWorker(
                matching(raw.helseIdSubjekt(), SUBJECT, "1 to 128 printable characters without spaces"),
                bounded(raw.saksbehandlerNavn().required(), raw.saksbehandlerNavn(), MAX_NAME),
                matching(raw.rolle(), ROLLE, "an upper-case role code such as SAKSBEHANDLER"));
        String enhet = bounded(raw.enhet().optional(), raw.enhet(), MAX_NAME);
        String patientId = raw.fodselsnummer().required();
        String formaal = raw.formaal().required();
        if (Formaal.fromCode(formaal).isEmpty()) {
            throw invalid("unknown formaal '" + shortened(formaal) + "'; expected one of " + Formaal.codes());
        }
        AccessBasis accessBasis = accessBasis(raw.tilgangsgrunnlag().required());
        Samtykker samtykker = new Samtykker(samtykke(raw.sperretKritiskInfo()), samtykke(raw.sperretLegemidler()),
                samtykke(raw.lasteResepter()));
        Set<Section> wanted = wantedSections(raw);
        raw.apiNokkel().optional();
        String userToken = raw.helseIdToken().optional();
        return new LookupRequest(new Requester(kommune, null, enhet), actor, ServiceContext.TILDELINGSKONTOR,
                patientId, accessBasis, wanted, sourceSystem, ForvaltningFormat.ADAPTER_ID, userToken, correlationId,
                samtykker, purpose(raw));
    }

    /** The case step and case number, for the audit record: auditors see why a case worker looked. */
    private static String purpose(RawOppslag raw) {
        String formaal = Formaal.fromCode(raw.formaal().usable()).map(Enum::name).orElse(null);
        String saksnummer = raw.saksnummer().usable();
        if (formaal == null) {
            return null;
        }
        return saksnummer == null ? formaal : formaal + ", sak " + saksnummer;
    }

    /** Not given when absent; the reader has already refused anything but a JSON boolean. */
    private static boolean samtykke(Felt felt) throws TranslationException {
        return Boolean.parseBoolean(felt.optional());
    }

    private static AccessBasis accessBasis(String code) throws TranslationException {
        for (AccessBasis basis : AccessBasis.values()) {
            if (basis.name().equals(code)) {
                return basis;
            }
        }
        throw new TranslationException(ErrorCode.UNKNOWN_ACCESS_BASIS, "unknown tilgangsgrunnlag '" + shortened(code)
                + "'; expected HPMOTTATTSAMTYKKE, HPAKUTT or HPUNNTAK");
    }

    private static Set<Section> wantedSections(RawOppslag raw) throws TranslationException {
        Set<Section> wanted = EnumSet.noneOf(Section.class);
        for (Felt del : raw.onsketInnhold()) {
            String code = del.required();
            Section section = Arrays.stream(Section.values()).filter(s -> s.name().equals(code)).findFirst()
                    .orElseThrow(() -> invalid("unknown " + del.path() + " '" + shortened(code) + "'; expected one of "
                            + Arrays.stream(Section.values()).map(Enum::name).collect(Collectors.joining(", "))));
            wanted.add(section);
        }
        return wanted;
    }

    private static CallerCredential credential(Felt apiNokkel) {
        String key = apiNokkel.usable();
        return key == null || key.isBlank() ? null : new CallerCredential(CallerCredential.Scheme.API_KEY, key.strip());
    }

    private static String matching(Felt felt, Pattern pattern, String form) throws TranslationException {
        String value = felt.required();
        if (!pattern.matcher(value).matches()) {
            throw invalid("field '" + felt.path() + "' must be " + form);
        }
        return value;
    }

    private static String bounded(String value, Felt felt, int max) throws TranslationException {
        if (value != null && value.length() > max) {
            throw invalid("field '" + felt.path() + "' is longer than " + max + " characters");
        }
        return value;
    }

    private static String usable(Felt felt, Pattern pattern) {
        String value = felt.usable();
        return value != null && pattern.matcher(value.strip()).matches() ? value.strip() : null;
    }

    // A wrong code is quoted back in the error: keep it short and free of identity numbers.
    private static String shortened(String value) {
        String masked = IdentityMasking.mask(value, null);
        return masked.length() > 40 ? masked.substring(0, 40) + "..." : masked;
    }

    private static TranslationException invalid(String message) {
        return new TranslationException(ErrorCode.INVALID_REQUEST, message);
    }
}
