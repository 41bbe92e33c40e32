package no.kjernebro.adapter.hjemmetjenestejson.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.HjemmetjenesteFormat;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.IdentityMasking;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.PatientListException;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.PatientListReader;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.ProblemWriter;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.StartRequestReader;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.SweepJson;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.TranslationException;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.sweep.MedicationSweeps;
import no.kjernebro.api.sweep.SweepCaller;
import no.kjernebro.api.sweep.SweepError;
import no.kjernebro.api.sweep.SweepException;
import no.kjernebro.api.sweep.SweepStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The medication-sweep endpoints, without Camel: translate the request, call the sweep service (which
 * authenticates the caller through core before reading anything), translate the answer. The patient
 * list is handed over as a stream.
 */
final class SweepHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SweepHandler.class);
    static final int DEFAULT_PAGE_SIZE = 500;

    private final Supplier<MedicationSweeps> sweeps;
    private volatile long maxListBytes;

    SweepHandler(Supplier<MedicationSweeps> sweeps, long maxListBytes) {
        this.sweeps = sweeps;
        this.maxListBytes = maxListBytes;
    }

    void maxListBytes(long bytes) {
        maxListBytes = bytes;
    }

    HttpAnswer handle(HttpInbound in) {
        try {
            SweepPath path = SweepPath.parse(in.path());
            if (path.resource() == SweepPath.Resource.UNKNOWN) {
                return problem(404, "NOT_FOUND", "no such resource", "see docs/adapters/hjemmetjeneste-json.md");
            }
            if (!path.resource().method.equals(in.method())) {
                return problem(405, "METHOD_NOT_ALLOWED", "method not allowed", path.resource().method + " only")
                        .withAllow(path.resource().method);
            }
            MedicationSweeps service = sweeps.get();
            if (service == null) {
                ErrorCode e = ErrorCode.SERVICE_UNAVAILABLE;
                return problem(e.httpStatus(), e.name(), e.description(), "the medication sweep is not running");
            }
            SweepCaller caller = new SweepCaller(CallerCredential.fromHeaders(in.authorization(), in.apiKey()),
                    path.kommunenummer(), HjemmetjenesteFormat.ADAPTER_ID, clientSystem(in.clientSystem()));
            return switch (path.resource()) {
                case PATIENT_LIST -> replaceList(service, caller, in);
                case SWEEPS -> start(service, caller, in);
                case LATEST -> latest(service, caller);
                case SWEEP -> HttpAnswer.json(200, SweepJson.status(service.status(caller, path.sweepId())));
                case CHANGES -> changes(service, caller, path.sweepId(), in.query());
                default -> throw new IllegalStateException(path.resource().name());
            };
        } catch (SweepException e) {
            return problem(e.httpStatus(), e.code(), title(e), e.getMessage());
        } catch (TranslationException e) {
            return problem(e.error().httpStatus(), e.error().name(), e.error().description(), e.getMessage());
        } catch (PatientListException e) {
            return problem(e.error().httpStatus(), e.error().name(), e.error().description(), e.getMessage());
        } catch (RuntimeException e) {
            return OppslagHandler.internalError(null, e);
        }
    }

    private HttpAnswer replaceList(MedicationSweeps service, SweepCaller caller, HttpInbound in)
            throws SweepException, TranslationException {
        requireJson(in);
        long limit = maxListBytes;
        if (in.contentLength() != null && in.contentLength() > limit) {
            throw new TranslationException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than " + limit + " bytes");
        }
        try (PatientListReader patients = new PatientListReader(in.body(), limit)) {
            var receipt = service.replacePatientList(caller, patients);
            LOG.info("hjemmetjeneste-json patient list {} for {}: {} patients", receipt.listId(),
                    caller.kommunenummer(), receipt.patients());
            return HttpAnswer.json(200, SweepJson.receipt(receipt));
        }
    }

    private static HttpAnswer start(MedicationSweeps service, SweepCaller caller, HttpInbound in)
            throws SweepException, TranslationException {
        String callbackUrl = null;
        if (in.contentType() != null) {
            requireJson(in);
            callbackUrl = StartRequestReader.callbackUrl(in.body());
        }
        SweepStatus status = service.start(caller, callbackUrl);
        return HttpAnswer.json(202, SweepJson.status(status))
                .withLocation(SweepJson.sweepPath(status.kommunenummer(), status.sweepId()));
    }

    private static HttpAnswer latest(MedicationSweeps service, SweepCaller caller) throws SweepException {
        Optional<SweepStatus> latest = service.latest(caller);
        if (latest.isEmpty()) {
            throw new SweepException(SweepError.NOT_FOUND, "the municipality has had no sweep yet");
        }
        return HttpAnswer.json(200, SweepJson.status(latest.get()));
    }

    private static HttpAnswer changes(MedicationSweeps service, SweepCaller caller, String sweepId, String query)
            throws SweepException {
        String token = param(query, "pageToken");
        String size = param(query, "pageSize");
        int pageSize;
        try {
            pageSize = size == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(size);
        } catch (NumberFormatException e) {
            throw new SweepException(SweepError.INVALID_PAGE, "pageSize must be a number");
        }
        return HttpAnswer.json(200, SweepJson.findings(service.findings(caller, sweepId, token, pageSize),
                caller.kommunenummer()));
    }

    private static void requireJson(HttpInbound in) throws TranslationException {
        if (!JsonMediaType.isJson(in.contentType())) {
            throw new TranslationException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json (UTF-8)");
        }
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                String value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String clientSystem(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        // it goes into the audit trail: no control characters, no identity number, bounded
        String value = IdentityMasking.mask(header.replaceAll("\\p{Cntrl}", " ").strip());
        return value.length() > 100 ? value.substring(0, 100) : value;
    }

    private static String title(SweepException e) {
        return e.errorCode().map(ErrorCode::description)
                .orElseGet(() -> e.sweepError().map(SweepError::description).orElse(e.code()));
    }

    private static HttpAnswer problem(int status, String code, String title, String detail) {
        return HttpAnswer.problem(status, ProblemWriter.write(code, status, title, detail, null, null, null));
    }
}
