package no.kjernebro.adapter.forvaltningfil.internal;

import no.kjernebro.adapter.forvaltningfil.internal.json.FeilWriter;
import no.kjernebro.adapter.forvaltningfil.internal.json.ForvaltningFormat;
import no.kjernebro.adapter.forvaltningfil.internal.json.IdentityMasking;
import no.kjernebro.adapter.forvaltningfil.internal.json.OppslagTranslator;
import no.kjernebro.adapter.forvaltningfil.internal.json.Saksreferanse;
import no.kjernebro.adapter.forvaltningfil.internal.json.SvarWriter;
import no.kjernebro.adapter.forvaltningfil.internal.json.Translation;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request file from content to result document, without Camel or folders. Every file that is not
 * a duplicate goes to core, also one that could not be read: core authenticates the municipality and
 * audits where a patient is named; the adapter only translates both ways. Nothing thrown here escapes:
 * it becomes an INTERNAL_ERROR result.
 */
final class FilBehandler {

    private static final Logger LOG = LoggerFactory.getLogger(FilBehandler.class);

    private final LookupService lookupService;
    private final OppslagTranslator translator;
    private final Mottaksregister mottaksregister;

    FilBehandler(LookupService lookupService, OppslagTranslator translator, Mottaksregister mottaksregister) {
        this.lookupService = lookupService;
        this.translator = translator;
        this.mottaksregister = mottaksregister;
    }

    Behandling behandle(Innlevering inn) {
        Translation translation = null;
        try {
            if (inn.lesefeil() != null) {
                return avvist(translator.refuse(inn.lesefeil(), inn.lesefeilMelding(), inn.kommune()), inn);
            }
            // Registered before core sees it: a lookup is an audited access and is made at most once per file.
            if (!mottaksregister.forsteGang(inn)) {
                // read only to echo the case reference: a duplicate is never handed to core
                return duplikat(translator.translate(inn.innhold(), inn.kommune()).sak(), inn);
            }
            translation = translator.translate(inn.innhold(), inn.kommune());
            if (translation instanceof Translation.Accepted accepted) {
                return slaOpp(accepted, inn);
            }
            return avvist((Translation.Rejected) translation, inn);
        } catch (RuntimeException e) {
            return internalError(translation, inn, e);
        }
    }

    private Behandling slaOpp(Translation.Accepted accepted, Innlevering inn) {
        LookupOutcome outcome = required(lookupService.lookup(accepted.credential(), accepted.request()));
        if (outcome.isAllowed()) {
            return new Behandling(true, SvarWriter.write(accepted.sak(), outcome, inn.filnavn()), false, "OK",
                    accepted.sak().correlationId());
        }
        ErrorCode error = outcome.error() == null ? ErrorCode.INTERNAL_ERROR : outcome.error();
        return feil(accepted.sak(), error.name(), outcome.message(), outcome.outcome(), outcome.auditReference(),
                inn, accepted.patientId(), false);
    }

    private Behandling avvist(Translation.Rejected rejected, Innlevering inn) {
        LookupOutcome outcome = required(lookupService.reject(rejected.credential(), rejected.rejected()));
        ErrorCode error = outcome.error() == null ? rejected.rejected().error() : outcome.error();
        String message = outcome.message();
        // A file that is not JSON at all has no readable API key: core's "no credential" would hide the
        // real problem, which the case system must fix first.
        if (rejected.unreadable() && error == ErrorCode.MISSING_CREDENTIAL) {
            error = rejected.rejected().error();
            message = rejected.rejected().message();
        }
        Outcome utfall = outcome.outcome() == null ? Outcome.REFUSED : outcome.outcome();
        return feil(rejected.sak(), error.name(), message, utfall, outcome.auditReference(), inn,
                rejected.patientId(), true);
    }

    private static Behandling duplikat(Saksreferanse sak, Innlevering inn) {
        return feil(sak, ForvaltningFormat.DUPLICATE, "a file with this name and content was received before and"
                + " is not processed again; send a new request in a new file", Outcome.REFUSED, null, inn, null, true);
    }

    private static Behandling internalError(Translation translation, Innlevering inn, RuntimeException e) {
        String patientId = translation == null ? null : translation.patientId();
        Saksreferanse sak = translation == null ? new Saksreferanse(null, null, inn.kommune(), null, null)
                : translation.sak();
        StackTraceElement[] where = e.getStackTrace();
        // Message masked and no stack trace: an exception text may quote the request.
        LOG.error("forvaltning-fil {} {} failed unexpectedly: {}: {} at {}", inn.kommune(),
                IdentityMasking.mask(inn.filnavn(), patientId), e.getClass().getName(),
                IdentityMasking.mask(e.getMessage(), patientId), where.length > 0 ? where[0] : "?");
        return feil(sak, ErrorCode.INTERNAL_ERROR.name(), ErrorCode.INTERNAL_ERROR.description(), Outcome.FAILED,
                null, inn, patientId, true);
    }

    private static Behandling feil(Saksreferanse sak, String kode, String melding, Outcome utfall, String auditReference,
                                   Innlevering inn, String patientId, boolean avvist) {
        String tekst = melding != null && !melding.isBlank() ? melding : describe(kode);
        byte[] dokument = FeilWriter.write(sak, kode, tekst, utfall.name(), auditReference, inn.filnavn(), patientId);
        return new Behandling(false, dokument, avvist, kode, sak.correlationId());
    }

    private static String describe(String kode) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.name().equals(kode)) {
                return code.description();
            }
        }
        return kode;
    }

    private static LookupOutcome required(LookupOutcome outcome) {
        if (outcome == null) {
            throw new IllegalStateException("LookupService returned no outcome");
        }
        return outcome;
    }
}
