package no.kjernebro.medicationsweep.internal;

/** Sends one notification; a seam so tests need no HTTP server. */
interface CallbackPoster {

    /** @return the HTTP status the EPJ answered with */
    int post(String url, String contentType, byte[] body) throws Exception;
}
