package ${package}.internal;

/** An HTTP status and a JSON body (UTF-8): the answer or an error document. */
record HttpAnswer(int status, byte[] body) {
}
