package no.kjernebro.core.internal.kj;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects an answer body up to a cap and cancels the download beyond it, so an endless or huge answer
 * costs at most {@code maxBytes} of memory. A declared Content-Length above the cap is refused before
 * anything is read.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The answer was larger than allowed. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("answer larger than " + maxBytes + " bytes");
        }
    }

    private final long maxBytes;
    private final boolean refuseUpfront;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private CappedBody(long maxBytes, boolean refuseUpfront) {
        this.maxBytes = maxBytes;
        this.refuseUpfront = refuseUpfront;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long maxBytes) {
        return info -> new CappedBody(maxBytes,
                info.headers().firstValueAsLong("Content-Length").orElse(-1) > maxBytes);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (refuseUpfront) {
            s.cancel();
            result.completeExceptionally(new TooLarge(maxBytes));
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if ((long) out.size() + b.remaining() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(maxBytes));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
