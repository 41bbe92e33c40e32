package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI FHIR's R4 model and instance validator with the core R4 definitions only, offline: what a
 * receiver that knows FHIR R4 (but not Kjernebro) would accept. Built once, it takes seconds.
 * Set {@code -Dbalp.printValidation=true} to print every message (warnings included).
 */
public final class FhirR4Validation {

    public static final FhirContext R4 = FhirContext.forR4();
    private static final String BALP_PROFILES = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";
    private static final FhirValidator VALIDATOR = validator();

    private FhirR4Validation() {
    }

    private static FhirValidator validator() {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(R4),
                new InMemoryTerminologyServerValidationSupport(R4),
                new CommonCodeSystemsTerminologyService(R4));
        FhirInstanceValidator module = new FhirInstanceValidator(support);
        // the IHE BALP package is not available offline: a claimed BALP profile is reported as unchecked
        // (a warning) instead of failing; the tests assert the BALP slices themselves
        module.setErrorForUnknownProfiles(false);
        return R4.newValidator().registerValidatorModule(module);
    }

    /** Validates the JSON and fails with every error message when there is one. */
    public static void assertValid(String json) {
        ValidationResult result;
        synchronized (VALIDATOR) {
            result = VALIDATOR.validateWithResult(json);
        }
        if (Boolean.getBoolean("balp.printValidation")) {
            result.getMessages().forEach(m -> System.out.println(describe(m)));
        }
        List<String> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .filter(m -> !isUnresolvableBalpProfile(m))
                .map(FhirR4Validation::describe)
                .toList();
        assertThat(errors).as("validation errors of %s", json).isEmpty();
    }

    /** Every message, errors or not, for looking at what the validator says. */
    public static List<String> messages(String json) {
        synchronized (VALIDATOR) {
            return VALIDATOR.validateWithResult(json).getMessages().stream().map(FhirR4Validation::describe).toList();
        }
    }

    public static <T extends IBaseResource> T parse(Class<T> type, String json) {
        return R4.newJsonParser().parseResource(type, json);
    }

    /**
     * HAPI adds an error of its own when a claimed profile cannot be fetched; with the BALP package
     * offline that is every successful patient query. Only that message is set aside.
     */
    private static boolean isUnresolvableBalpProfile(SingleValidationMessage m) {
        return m.getMessage() != null && m.getMessage().contains("Failed to retrieve profile with url=" + BALP_PROFILES);
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
