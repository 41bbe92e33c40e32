package no.kjernebro.api.lookup;

/** The municipality (tenant) that makes the lookup, and the unit within it. */
public record Requester(String kommunenummer, String orgnr, String unit) {
}
