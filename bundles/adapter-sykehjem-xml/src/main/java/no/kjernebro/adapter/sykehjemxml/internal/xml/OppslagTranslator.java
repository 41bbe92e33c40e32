package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.Profession;
import no.kjernebro.api.lookup.RejectedRequest;
import no.kjernebro.api.lookup.Requester;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.lookup.SourceSystem;

/**
 * Translates a {@code KjernejournalOppslag} body into a canonical {@link LookupRequest}, or into a
 * {@link RejectedRequest} carrying every field that could be read. It judges only the form of the
 * message: the identity number's checksum, the tenant and the policy are core's to judge (and audit).
 * Fields are checked in document order, so the first problem in the message is the one reported.
 */
public final class OppslagTranslator {

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern KOMMUNENUMMER = Pattern.compile("\\d{4}");
    private static final Pattern ORGANISASJONSNUMMER = Pattern.compile("\\d{9}");
    private static final Pattern HPR_NUMMER = Pattern.compile("\\d{1,10}");

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
     * @param body the request body (read at most {@code maxBytes + 1} bytes)
     * @param declaredLength the Content-Length, or null when unknown
     * @param charset the charset named in the Content-Type, or null to let the XML declaration decide
     * @param userToken the user's HelseID access token from the request header, or null
     */
    public Translation translate(InputStream body, Long declaredLength, String charset, String userToken) {
        RawOppslag raw;
        try {
            raw = OppslagReader.read(SecureXmlParser.parse(BoundedBody.read(body, declaredLength, maxBytes), charset));
        } catch (TranslationException e) {
            return refuse(e.error(), e.getMessage());
        }
        String correlationId = usableMessageId(raw.meldingsId());
        if (correlationId == null) {
            correlationId = newCorrelationId.get();
        }
        try {
            return new Translation.Accepted(toRequest(raw, blankToNull(userToken), correlationId));
        } catch (TranslationException e) {
            return new Translation.Rejected(new RejectedRequest(raw.kommunenummer().value(),
                    OppslagFormat.ADAPTER_ID, raw.fodselsnummer().value(), raw.actorId().value(),
                    raw.professionOrRole().value(), raw.tjenestested().value(), raw.tilgangsgrunnlag().value(),
                    raw.sourceSystem(), correlationId, e.error(), e.getMessage()));
        }
    }

    /** A refusal decided before anything of the message could be read (content type, size, syntax). */
    public Translation.Rejected refuse(ErrorCode error, String message) {
        return new Translation.Rejected(new RejectedRequest(null, OppslagFormat.ADAPTER_ID, null, null, null,
                null, null, null, newCorrelationId.get(), error, message));
    }

    private LookupRequest toRequest(RawOppslag raw, String userToken, String correlationId)
            throws TranslationException {
        if (raw.meldingsId().optional() != null && usableMessageId(raw.meldingsId()) == null) {
            throw invalid("element MeldingsId must be 1 to 100 letters, digits or '.', '_', ':', '-'");
        }
        Requester requester = new Requester(
                matching(raw.kommunenummer(), KOMMUNENUMMER, "4 digits"),
                matching(raw.organisasjonsnummer(), ORGANISASJONSNUMMER, "9 digits"),
                raw.enhet().required());
        SourceSystem sourceSystem = new SourceSystem(raw.systemNavn().required(), raw.systemVersjon().optional());
        Actor actor = actor(raw);
        String patientId = raw.fodselsnummer().required();
        String tjenestestedCode = raw.tjenestested().required();
        Tjenestested tjenestested = Tjenestested.fromCode(tjenestestedCode).orElseThrow(() -> new TranslationException(
                ErrorCode.UNKNOWN_SERVICE_CONTEXT, "unknown Tjenestested '" + tjenestestedCode
                        + "'; expected one of " + Tjenestested.codes()));
        AccessBasis accessBasis = accessBasis(raw.tilgangsgrunnlag().required());
        Samtykker samtykker = new Samtykker(samtykke(raw.sperretKritiskInfo()), samtykke(raw.sperretLegemidler()),
                samtykke(raw.lasteResepter()));
        return new LookupRequest(requester, actor, tjenestested.serviceContext(), patientId, accessBasis,
                wantedSections(raw), sourceSystem, OppslagFormat.ADAPTER_ID, userToken, correlationId, samtykker);
    }

    // xs:boolean's 1/0 are refused too: a consent is said in words, and the schema says so
    private static boolean samtykke(Leaf leaf) throws TranslationException {
        String value = leaf.optional();
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("element " + leaf.path() + " must be true or false");
        };
    }

    private static Actor actor(RawOppslag raw) throws TranslationException {
        switch (raw.actorKind()) {
            case NONE:
                throw invalid("missing element Bruker or Saksbehandler");
            case BOTH:
                throw invalid("only one of Bruker and Saksbehandler may be given");
            case SAKSBEHANDLER:
                return new Actor.CaseWorker(raw.actorId().required(), raw.actorName().required(),
                        raw.professionOrRole().required());
            default:
                String hpr = matching(raw.actorId(), HPR_NUMMER, "digits only");
                String name = raw.actorName().required();
                String code = raw.professionOrRole().required();
                Profession profession = Profession.fromCode(code).orElseThrow(() -> new TranslationException(
                        ErrorCode.UNKNOWN_PROFESSION, "unknown Bruker/Helsepersonellkategori '" + code
                                + "'; expected an HPR profession code such as LE, SP, VP, FA1, FA2 or HF"));
                return new Actor.HealthPersonnel(hpr, name, profession);
        }
    }

    private static AccessBasis accessBasis(String code) throws TranslationException {
        for (AccessBasis basis : AccessBasis.values()) {
            if (basis.name().equals(code)) {
                return basis;
            }
        }
        throw new TranslationException(ErrorCode.UNKNOWN_ACCESS_BASIS, "unknown Tilgangsgrunnlag '" + code
                + "'; expected HPMOTTATTSAMTYKKE, HPAKUTT or HPUNNTAK");
    }

    private static Set<Section> wantedSections(RawOppslag raw) throws TranslationException {
        Set<Section> wanted = EnumSet.noneOf(Section.class);
        for (Leaf del : raw.onsketInnhold()) {
            String code = del.required();
            Section section = null;
            for (Section s : Section.values()) {
                if (s.name().equals(code)) {
                    section = s;
                }
            }
            if (section == null) {
                throw invalid("unknown OnsketInnhold/Del '" + code + "'; expected one of "
                        + Arrays.stream(Section.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
            wanted.add(section);
        }
        return wanted;
    }

    private static String matching(Leaf leaf, Pattern pattern, String form) throws TranslationException {
        String value = leaf.required();
        if (!pattern.matcher(value).matches()) {
            throw invalid("element " + leaf.path() + " must be " + form);
        }
        return value;
    }

    private static String usableMessageId(Leaf meldingsId) {
        String value = meldingsId.problem() == null ? meldingsId.value() : null;
        return value != null && MESSAGE_ID.matcher(value).matches() ? value : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static TranslationException invalid(String message) {
        return new TranslationException(ErrorCode.INVALID_REQUEST, message);
    }
}
