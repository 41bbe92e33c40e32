package no.kjernebro.adapter.forvaltningfil.internal.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a refusal or failure as a {@code .feil.json} result. Messages may come from core and quote the
 * request, so any identity number in them is masked: an error file never names the patient.
 */
public final class FeilWriter {

    private FeilWriter() {
    }

    /**
     * @param kode a core ErrorCode name or the dialect's own {@link ForvaltningFormat#DUPLICATE}
     * @param utfall REFUSED or FAILED as core decided (or the adapter, when core was not asked)
     * @param innfil the request file's name, masked
     * @param patientId the identity number the request named (to be masked), or null
     */
    public static byte[] write(Saksreferanse sak, String kode, String melding, String utfall, String auditReference,
                               String innfil, String patientId) {
        ObjectNode out = JsonOut.header(sak, "FEIL", IdentityMasking.mask(innfil, patientId));
        JsonOut.put(out, "loggreferanse", auditReference);
        ObjectNode feil = out.putObject("feil");
        JsonOut.put(feil, "kode", kode);
        JsonOut.put(feil, "melding", IdentityMasking.mask(melding, patientId));
        JsonOut.put(feil, "utfall", utfall);
        return JsonOut.bytes(out);
    }
}
