package ${package}.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Outcome;

/**
 * Renders a refusal or failure. Messages may come from core and quote the request, so the patient's
 * identity number, and any other run of 11 digits, is masked: an error document never names the patient.
 */
public final class FeilWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

    private FeilWriter() {
    }

    /**
     * @param outcome REFUSED or FAILED, or null when the adapter failed before core answered
     * @param patientId the identity number the request named, or null
     */
    public static byte[] write(ErrorCode error, String message, Outcome outcome, String correlationId,
                               String auditReference, String patientId) {
        String text = message == null || message.isBlank() ? error.description() : message;
        ObjectNode root = JSON.createObjectNode();
        ObjectNode feil = root.putObject("feil");
        feil.put("kode", error.name());
        feil.put("melding", mask(text, patientId));
        feil.put("utfall", outcome == null ? Outcome.FAILED.name() : outcome.name());
        root.put("meldingsId", correlationId);
        root.put("loggreferanse", auditReference);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error document could not be written", e);
        }
    }

    static String mask(String text, String patientId) {
        String masked = patientId == null || patientId.isEmpty() ? text
                : text.replace(patientId, NationalIdentityNumber.mask(patientId));
        Matcher digits = ELEVEN_DIGITS.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (digits.find()) {
            digits.appendReplacement(out, Matcher.quoteReplacement(NationalIdentityNumber.mask(digits.group())));
        }
        return digits.appendTail(out).toString();
    }
}
