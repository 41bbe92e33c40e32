package no.kjernebro.api.summary;

import java.time.LocalDate;

/** Om pasienten: from Folkeregisteret. */
public record Personalia(
        String givenName,
        String familyName,
        LocalDate birthDate,
        String gender,
        String address,
        String postalCode,
        String city,
        String civilStatus) {
}
