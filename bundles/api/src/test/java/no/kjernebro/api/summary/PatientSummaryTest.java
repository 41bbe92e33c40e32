package no.kjernebro.api.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.lookup.Section;
import org.junit.jupiter.api.Test;

class PatientSummaryTest {

    private static final Merknad UNKNOWN_RESOURCE = new Merknad(null, "UKJENT_RESSURSTYPE", "Ukjent ressurs",
            "DocumentReference", "{\"resourceType\":\"DocumentReference\",\"description\":\"clinical text\"}");
    private static final Merknad RESTRICTED_MODULE = new Merknad(Section.KRITISK_INFORMASJON, "MODUL_SPERRET",
            "Sperret", "OperationOutcome", "{}");

    private static PatientSummary everything() {
        return new PatientSummary("05902823095", null, EnumSet.allOf(Section.class),
                new Personalia("Ingrid", "Nilsen", LocalDate.of(1928, 2, 5), null, null, null, null, null), null, List.of(), null,
                List.of(), List.of(), List.of(), null, List.of(UNKNOWN_RESOURCE, RESTRICTED_MODULE));
    }

    @Test
    void restrictingDropsTheMerknaderOfSectionsNotGrantedAndTheRawContentOfUnplacedOnes() {
        PatientSummary restricted = everything().restrictedTo(Set.of(Section.PERSONALIA, Section.FASTLEGE));

        assertThat(restricted.merknader()).singleElement().satisfies(m -> {
            assertThat(m.kode()).isEqualTo("UKJENT_RESSURSTYPE");
            assertThat(m.ressurstype()).isEqualTo("DocumentReference");
            assertThat(m.innhold()).as("an unmapped resource may hold clinical data the policy withholds").isNull();
        });
        assertThat(restricted.fullstendig()).isFalse();
    }

    @Test
    void everySectionGrantedKeepsEveryMerknadWhole() {
        PatientSummary all = everything().restrictedTo(EnumSet.allOf(Section.class));

        assertThat(all.merknader()).containsExactly(UNKNOWN_RESOURCE, RESTRICTED_MODULE);
    }
}
