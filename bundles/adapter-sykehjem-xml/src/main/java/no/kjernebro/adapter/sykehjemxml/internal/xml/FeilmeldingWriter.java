package no.kjernebro.adapter.sykehjemxml.internal.xml;

import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Outcome;

/**
 * Renders a refusal or failure as {@code Feilmelding}. Messages may come from core and quote the
 * request, so any identity number in them is masked: an error document never names the patient.
 */
public final class FeilmeldingWriter {

    private FeilmeldingWriter() {
    }

    /**
     * @param outcome REFUSED or FAILED, or null when the adapter itself failed before core answered
     * @param patientId the identity number the request named (to be masked), or null
     */
    public static byte[] write(ErrorCode error, String message, Outcome outcome, String correlationId,
                               String auditReference, String patientId) {
        String text = message == null || message.isBlank() ? error.description() : message;
        return new XmlOut(OppslagFormat.FEILMELDING)
                .element("Kode", error.name())
                .element("Melding", IdentityMasking.mask(text, patientId))
                .element("Utfall", outcome == null ? null : outcome.name())
                .element("MeldingsId", correlationId)
                .element("Loggreferanse", auditReference)
                .finish();
    }
}
