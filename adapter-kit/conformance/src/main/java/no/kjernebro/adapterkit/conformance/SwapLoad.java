package no.kjernebro.adapterkit.conformance;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client thread sending one request after another until stopped, keeping every result: an answer,
 * a connection-level failure, or anything else thrown (no answer at all, which the kit fails on).
 */
final class SwapLoad implements AutoCloseable {

    /** One request's result: exactly one of {@code answer} and {@code failure} is set. */
    record Result(Answer answer, Throwable failure) {
        boolean connectionFailure() {
            return failure instanceof IOException;
        }
    }

    private final List<Result> results = new CopyOnWriteArrayList<>();
    private final Thread client;
    private volatile boolean running = true;

    SwapLoad(Callable<Answer> request) {
        client = new Thread(() -> {
            while (running) {
                try {
                    results.add(new Result(request.call(), null));
                } catch (IOException e) {
                    results.add(new Result(null, e));
                    pause(); // a refused connection fails at once: do not spin
                } catch (InterruptedException e) {
                    return;
                } catch (Exception | AssertionError e) {
                    results.add(new Result(null, e));
                }
            }
        }, "kit-hot-swap-client");
        client.setDaemon(true);
        client.start();
    }

    int size() {
        return results.size();
    }

    long successesFrom(int index) {
        return results.subList(Math.min(index, results.size()), results.size()).stream()
                .filter(r -> r.answer() != null && r.answer().success()).count();
    }

    List<Result> results() {
        return List.copyOf(results);
    }

    /** Lets the request in flight finish, then stops. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        client.join(Awaits.DEFAULT_BOUND_MS * 2);
        if (client.isAlive()) {
            client.interrupt();
            throw new AssertionError("the client thread did not finish its last request");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
