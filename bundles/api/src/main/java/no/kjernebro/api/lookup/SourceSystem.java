package no.kjernebro.api.lookup;

/** The calling EPJ system; sent on as {@code X-EPJ-System}. */
public record SourceSystem(String name, String version) {
    /** The header value kjernejournal expects: name and version. */
    public String headerValue() {
        return version == null || version.isBlank() ? name : name + " " + version;
    }
}
