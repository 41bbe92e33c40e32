package no.kjernebro.adapterkit.conformance;

import java.util.concurrent.Callable;

/**
 * Waiting for something an adapter does asynchronously (a file consumer's answer, a client thread's
 * progress). The bound is generous and only guards against hanging builds: no test asserts a duration.
 */
public final class Awaits {

    public static final long DEFAULT_BOUND_MS = 30_000;

    private Awaits() {
    }

    public static void until(String what, Callable<Boolean> condition) {
        until(what, DEFAULT_BOUND_MS, condition);
    }

    public static void until(String what, long boundMs, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + boundMs * 1_000_000;
        try {
            while (!Boolean.TRUE.equals(condition.call())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("gave up waiting for " + what + " after " + boundMs + " ms");
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("failed while waiting for " + what, e);
        }
    }
}
