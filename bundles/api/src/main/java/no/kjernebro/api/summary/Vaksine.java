package no.kjernebro.api.summary;

import java.time.LocalDate;

/** One vaccination. */
public record Vaksine(String name, String code, LocalDate date, String givenBy) {
}
