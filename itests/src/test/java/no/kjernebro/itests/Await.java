package no.kjernebro.itests;

import java.util.concurrent.Callable;

/** Polls a condition; components come up asynchronously after the features are installed. */
final class Await {

    private Await() {
    }

    static void until(String what, Callable<Boolean> condition) throws Exception {
        until(what, 30_000, condition);
    }

    static void until(String what, long timeoutMs, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        Exception last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : ": " + last));
    }
}
