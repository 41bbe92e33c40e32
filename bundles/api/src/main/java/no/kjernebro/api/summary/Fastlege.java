package no.kjernebro.api.summary;

/** The patient's GP from Fastlegeregisteret. */
public record Fastlege(String name, String hprNumber, String practiceName, String practiceOrgnr, String phone) {
}
