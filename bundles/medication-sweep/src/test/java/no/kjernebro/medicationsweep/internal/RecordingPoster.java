package no.kjernebro.medicationsweep.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records callback POSTs; answers 204, or fails the first {@link #failures} ones. */
final class RecordingPoster implements CallbackPoster {

    record Post(String url, String contentType, String body) {
    }

    final List<Post> posts = new CopyOnWriteArrayList<>();
    final AtomicInteger failures = new AtomicInteger();

    @Override
    public int post(String url, String contentType, byte[] body) throws Exception {
        posts.add(new Post(url, contentType, new String(body, StandardCharsets.UTF_8)));
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new java.net.ConnectException("simulated: connection refused");
        }
        return 204;
    }
}
