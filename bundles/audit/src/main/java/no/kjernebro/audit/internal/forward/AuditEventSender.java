package no.kjernebro.audit.internal.forward;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * POSTs one AuditEvent and classifies the answer: 2xx accepted; 408, 429 and 5xx or no answer at all
 * mean the receiver is unavailable (every event would fail now); any other status means the receiver
 * refused this event.
 */
final class AuditEventSender {

    enum Result { ACCEPTED, REFUSED, UNAVAILABLE }

    /** The result and, unless accepted, why. */
    record Delivery(Result result, String error) {
        static final Delivery ACCEPTED = new Delivery(Result.ACCEPTED, null);
    }

    private final ForwardSettings settings;
    private final HttpClient http;

    AuditEventSender(ForwardSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build();
    }

    CompletableFuture<Delivery> send(byte[] event) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event));
        settings.bearerToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(AuditEventSender::classify)
                .exceptionally(AuditEventSender::transportFailure);
    }

    private static Delivery classify(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Delivery.ACCEPTED;
        }
        String error = "HTTP " + status + ": " + ErrorText.safe(response.body(), 200);
        boolean receiverTrouble = status == 408 || status == 429 || status >= 500;
        return new Delivery(receiverTrouble ? Result.UNAVAILABLE : Result.REFUSED, error);
    }

    private static Delivery transportFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String kind = cause instanceof IOException ? "transport" : "send";
        return new Delivery(Result.UNAVAILABLE,
                kind + ": " + cause.getClass().getSimpleName() + ": " + ErrorText.safe(cause.getMessage(), 200));
    }
}
