package no.kjernebro.audit.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;

import no.kjernebro.api.lookup.Section;
import org.junit.jupiter.api.Test;

class OutboxRecordsTest {

    @Test
    void sectionsAreReadFromTheStoredListAndUnknownNamesAreLeftOut() {
        assertThat(OutboxRecords.sections("PERSONALIA,LEGEMIDLER,FUTURE_SECTION"))
                .containsExactly(Section.PERSONALIA, Section.LEGEMIDLER);
        assertThat(OutboxRecords.sections("")).isEmpty();
        assertThat(OutboxRecords.sections(null)).isEmpty();
    }

    @Test
    void errorTextIsMaskedAndBounded() {
        assertThat(ErrorText.safe("patient 05902823095 unknown", 100)).isEqualTo("patient *********95 unknown");
        assertThat(ErrorText.safe("x".repeat(300), 200)).hasSize(200).endsWith("…");
    }
}
