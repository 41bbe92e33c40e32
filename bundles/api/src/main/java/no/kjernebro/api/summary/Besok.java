package no.kjernebro.api.summary;

import java.time.LocalDate;

/** One contact with the specialist health service, from Norsk pasientregister. */
public record Besok(String institution, String department, String type, LocalDate from, LocalDate to) {
}
