package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Besok;
import no.kjernebro.api.summary.Fastlege;
import no.kjernebro.api.summary.KritiskInformasjon;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.Paarorende;
import no.kjernebro.api.summary.Personalia;
import no.kjernebro.api.summary.Vaksine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One test per resource type kjernejournal sends, and one per way an answer can fall short. */
class FhirBundleMapperTest {

    private static final String FNR = "05902823095";
    private static final String PROFILE = "'meta':{'profile':['http://nhn.no/kj/fhir/StructureDefinition/Kj%s']}";

    private static FhirBundleMapper.Content map(String... resources) throws KjernejournalException {
        return FhirBundleMapper.map(Samples.bundle(resources), FNR);
    }

    @Test
    void mapsTheSampleBundleCompletely() throws Exception {
        FhirBundleMapper.Content c = FhirBundleMapper.map(Samples.sample("everything.json"), FNR);
        assertThat(c.personalia()).isEqualTo(new Personalia("Ingrid Marie", "Testesen", LocalDate.of(1928, 10, 5),
                "female", "Sykehjemsveien 1", "9510", "Alta", "Enke"));
        assertThat(c.fastlege()).isEqualTo(new Fastlege("Lise Testlege", "9100001", "Alta legesenter", "990560102", "78 00 00 00"));
        assertThat(c.paarorende()).containsExactly(
                new Paarorende("Kari Testesen", "Datter", "900 00 001", false),
                new Paarorende("Ola Nabo", "Kontaktperson", "900 00 002", true));
        assertThat(c.kritiskInformasjon()).containsExactly(
                new KritiskInformasjon(KritiskInformasjon.Kategori.ALLERGI, "J01C", "Penicillin", "high",
                        LocalDate.of(2025, 3, 2), "Lise Testlege (HPR 9100001)"),
                new KritiskInformasjon(KritiskInformasjon.Kategori.KOMPLIKASJON_ANESTESI, "T88.3", "Malign hypertermi",
                        "Alvorlig", LocalDate.of(2019, 6, 12), "Per Anestesilege"),
                new KritiskInformasjon(KritiskInformasjon.Kategori.BEHANDLING_IMPLANTAT, "Z95.0", "Pacemaker", null,
                        LocalDate.of(2021, 1, 20), "Lise Testlege (HPR 9100001)"));
        assertThat(c.vaksiner()).containsExactly(new Vaksine("Influensavaksine", "J07BB", LocalDate.of(2024, 10, 15), "Alta sykehjem"));
        assertThat(c.besokshistorikk()).containsExactly(
                new Besok("Universitetssykehuset Nord-Norge", null, "Innleggelse", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 6)),
                new Besok("Finnmarkssykehuset Hammerfest", null, "AMB", LocalDate.of(2023, 5, 10), null));
        assertThat(c.egneRegistreringer().kommunikasjonsbehov()).containsExactly("Trenger tolk (nordsamisk)");
        assertThat(c.egneRegistreringer().sykdommer()).containsExactly("Artrose i hoftene");
        assertThat(c.merknader()).isEmpty();
    }

    @Test
    void patient() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Patient'," + PROFILE.formatted("Patient") + ","
                + "'identifier':[{'system':'urn:oid:2.16.578.1.12.4.1.4.1','value':'" + FNR + "'}],"
                + "'name':[{'given':['Ingrid'],'family':'Testesen'}],'birthDate':'1928-10-05','gender':'female'}");
        assertThat(c.personalia().givenName()).isEqualTo("Ingrid");
        assertThat(c.personalia().birthDate()).isEqualTo(LocalDate.of(1928, 10, 5));
        assertThat(c.merknader()).isEmpty();
    }

    @Test
    void aBundleAboutAnotherPatientIsRefused() {
        assertThatThrownBy(() -> map("{'resourceType':'Patient','identifier':[{'system':'urn:oid:2.16.578.1.12.4.1.4.1',"
                + "'value':'21874614847'}],'name':[{'family':'Annen'}]}"))
                .isInstanceOfSatisfying(KjernejournalException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_REJECTED);
                    assertThat(e.getMessage()).contains("another patient").doesNotContain("21874614847");
                });
    }

    @Test
    void aPatientWithoutNameIsShownAndFlagged() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Patient','birthDate':'1928-10-05'}");
        assertThat(c.personalia().birthDate()).isEqualTo(LocalDate.of(1928, 10, 5));
        assertThat(c.merknader()).extracting(Merknad::kode, Merknad::seksjon)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MANGLER_FELT", Section.PERSONALIA));
    }

    @Test
    void practitionerRoleOfTheGp() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'PractitionerRole','code':[{'coding':[{'system':"
                + "'http://nhn.no/kj/fhir/CodeSystem/KjRolle','code':'FASTLEGE'}]}],'practitioner':{'display':'Lise Testlege',"
                + "'identifier':{'system':'urn:oid:2.16.578.1.12.4.1.4.4','value':'9100001'}},'organization':{'display':"
                + "'Alta legesenter','identifier':{'system':'urn:oid:2.16.578.1.12.4.1.4.101','value':'990560102'}}}");
        assertThat(c.fastlege()).isEqualTo(new Fastlege("Lise Testlege", "9100001", "Alta legesenter", "990560102", null));
    }

    @Test
    void relatedPersonWithNameParts() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'RelatedPerson','name':[{'given':['Kari'],'family':'Testesen'}],"
                + "'relationship':[{'text':'Datter','coding':[{'code':'N'}]}]}");
        assertThat(c.paarorende()).containsExactly(new Paarorende("Kari Testesen", "Datter", null, false));
    }

    @Test
    void relatedPersonWithAnUnknownRelationshipCodeIsShownAndFlagged() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'RelatedPerson','name':[{'text':'Per'}],"
                + "'relationship':[{'text':'Verge','coding':[{'code':'GUARD'}]}]}");
        assertThat(c.paarorende()).hasSize(1);
        assertThat(c.merknader()).extracting(Merknad::kode).containsExactly("UKJENT_KODE");
    }

    @Test
    void allergyWithTheRecorderInABundledPractitioner() throws Exception {
        ObjectNode bundle = Samples.bundle(
                "{'resourceType':'AllergyIntolerance'," + PROFILE.formatted("AllergyIntolerance") + ",'code':{'text':'Nøtter'},"
                        + "'criticality':'high','recordedDate':'2024-01-02','recorder':{'reference':'Practitioner/p1'}}",
                "{'resourceType':'Practitioner','id':'p1','name':[{'text':'Siv Testsykepleier'}],"
                        + "'identifier':[{'system':'urn:oid:2.16.578.1.12.4.1.4.4','value':'9100002'}]}");
        FhirBundleMapper.Content c = FhirBundleMapper.map(bundle, FNR);
        assertThat(c.kritiskInformasjon()).containsExactly(new KritiskInformasjon(KritiskInformasjon.Kategori.ALLERGI,
                null, "Nøtter", "high", LocalDate.of(2024, 1, 2), "Siv Testsykepleier (HPR 9100002)"));
        assertThat(c.merknader()).isEmpty();
    }

    @Test
    void allergyWithoutAnyCodeIsKeptAsAMerknadWithItsContent() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'AllergyIntolerance','criticality':'high'}");
        assertThat(c.kritiskInformasjon()).isEmpty();
        Merknad m = c.merknader().get(0);
        assertThat(m.kode()).isEqualTo("MANGLER_FELT");
        assertThat(m.seksjon()).isEqualTo(Section.KRITISK_INFORMASJON);
        assertThat(m.innhold()).contains("\"criticality\":\"high\"");
    }

    @Test
    void allergyWithAnUnknownCriticalityIsShownAndFlagged() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'AllergyIntolerance','code':{'text':'Latex'},'criticality':'svært'}");
        assertThat(c.kritiskInformasjon()).extracting(KritiskInformasjon::severity).containsExactly("svært");
        assertThat(c.merknader()).extracting(Merknad::kode).containsExactly("UKJENT_KODE");
    }

    @ParameterizedTest(name = "Condition category {0}")
    @EnumSource(value = KritiskInformasjon.Kategori.class, names = {"KOMPLIKASJON_ANESTESI", "KRITISK_TILSTAND",
            "BEHANDLING_IMPLANTAT", "ENDRET_BEHANDLINGSRUTINE", "SMITTE"})
    void conditionOfEachCriticalCategory(KritiskInformasjon.Kategori kategori) throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Condition'," + PROFILE.formatted("Condition") + ","
                + "'category':[{'coding':[{'code':'" + kategori + "'}]}],'code':{'text':'x','coding':[{'code':'c'}]},"
                + "'severity':{'text':'Alvorlig'},'recordedDate':'2020-02-03'}");
        assertThat(c.kritiskInformasjon()).containsExactly(new KritiskInformasjon(kategori, "c", "x", "Alvorlig",
                LocalDate.of(2020, 2, 3), null));
        assertThat(c.merknader()).isEmpty();
    }

    @Test
    void conditionRegisteredByThePatient() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Condition','category':[{'coding':[{'code':'EGENREGISTRERT'}]}],"
                + "'code':{'text':'Astma'}}");
        assertThat(c.egneRegistreringer().sykdommer()).containsExactly("Astma");
        assertThat(c.kritiskInformasjon()).isEmpty();
    }

    @Test
    void conditionOfAnUnknownCategoryIsShownAsCriticalAndFlagged() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Condition','category':[{'coding':[{'code':'NY_KATEGORI'}]}],"
                + "'code':{'text':'Noe nytt'}}");
        assertThat(c.kritiskInformasjon()).extracting(KritiskInformasjon::kategori)
                .containsExactly(KritiskInformasjon.Kategori.KRITISK_TILSTAND);
        assertThat(c.merknader()).extracting(Merknad::kode).containsExactly("UKJENT_KODE");
        assertThat(c.merknader().get(0).tekst()).contains("NY_KATEGORI");
    }

    @Test
    void flagRegisteredByThePatient() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Flag','category':[{'coding':[{'code':'EGENREGISTRERT'}]}],"
                + "'code':{'text':'Hørselshemmet'}}");
        assertThat(c.egneRegistreringer().kommunikasjonsbehov()).containsExactly("Hørselshemmet");
    }

    @Test
    void flagOfAnotherCategoryIsPreservedAsAMerknad() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Flag','category':[{'coding':[{'code':'ADVARSEL'}]}],"
                + "'code':{'text':'Voldsrisiko'}}");
        assertThat(c.egneRegistreringer().kommunikasjonsbehov()).isEmpty();
        assertThat(c.merknader()).singleElement().satisfies(m -> {
            assertThat(m.kode()).isEqualTo("UKJENT_KODE");
            assertThat(m.innhold()).contains("Voldsrisiko");
        });
    }

    @Test
    void immunization() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Immunization','status':'completed','vaccineCode':{'text':"
                + "'MMR','coding':[{'code':'J07BD52'}]},'occurrenceDateTime':'2016-05-01T10:00:00+02:00',"
                + "'performer':[{'actor':{'display':'Helsestasjonen'}}]}");
        assertThat(c.vaksiner()).containsExactly(new Vaksine("MMR", "J07BD52", LocalDate.of(2016, 5, 1), "Helsestasjonen"));
    }

    @Test
    void immunizationNotGivenIsNotListedAsGivenButKept() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Immunization','status':'not-done','vaccineCode':{'text':'MMR'}}");
        assertThat(c.vaksiner()).isEmpty();
        assertThat(c.merknader()).extracting(Merknad::seksjon).containsExactly(Section.VAKSINER);
    }

    @Test
    void encounter() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Encounter','class':{'code':'AMB'},"
                + "'serviceProvider':{'display':'UNN'},'period':{'start':'2023-05-10'}}");
        assertThat(c.besokshistorikk()).containsExactly(new Besok("UNN", null, "AMB", LocalDate.of(2023, 5, 10), null));
    }

    @Test
    void encounterWithoutPlaceOrTimeIsFlagged() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Encounter','class':{'code':'AMB'}}");
        assertThat(c.besokshistorikk()).isEmpty();
        assertThat(c.merknader()).extracting(Merknad::kode, Merknad::seksjon)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MANGLER_FELT", Section.BESOKSHISTORIKK));
    }

    @Test
    void anUnknownResourceTypeIsPreservedAndFlaggedNotDropped() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'MedicationStatement','status':'active',"
                + "'medicationCodeableConcept':{'text':'Ny type'}}");
        assertThat(c.merknader()).singleElement().satisfies(m -> {
            assertThat(m.kode()).isEqualTo("UKJENT_RESSURSTYPE");
            assertThat(m.ressurstype()).isEqualTo("MedicationStatement");
            assertThat(m.seksjon()).isEqualTo(Section.KRITISK_INFORMASJON);
            assertThat(m.innhold()).contains("Ny type");
        });
    }

    @Test
    void anUnknownProfileIsFlaggedAndTheKnownFieldsShown() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'AllergyIntolerance','meta':{'profile':"
                + "['http://nhn.no/kj/fhir/StructureDefinition/KjAllergyIntoleranceV9']},'code':{'text':'Jod'}}");
        assertThat(c.kritiskInformasjon()).hasSize(1);
        assertThat(c.merknader()).extracting(Merknad::kode).containsExactly("UKJENT_PROFIL");
    }

    @Test
    void aVersionedKnownProfileIsKnown() throws Exception {
        assertThat(map("{'resourceType':'Condition','meta':{'profile':['http://nhn.no/kj/fhir/StructureDefinition/KjCondition|1.2']},"
                + "'category':[{'coding':[{'code':'SMITTE'}]}],'code':{'text':'MRSA'}}").merknader()).isEmpty();
    }

    @Test
    void containedResourcesNothingRefersToAreKept() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Condition','category':[{'coding':[{'code':'SMITTE'}]}],"
                + "'code':{'text':'MRSA'},'contained':[{'resourceType':'PractitionerRole','id':'rec'},"
                + "{'resourceType':'Observation','id':'obs','valueString':'positiv'}],'recorder':{'reference':'#rec'}}");
        assertThat(c.kritiskInformasjon()).hasSize(1);
        assertThat(c.merknader()).singleElement().satisfies(m -> {
            assertThat(m.kode()).isEqualTo("IKKE_VIST");
            assertThat(m.innhold()).contains("positiv");
        });
    }

    @Test
    void anUnreferencedOrganizationIsKept() throws Exception {
        assertThat(map("{'resourceType':'Organization','name':'Noen'}").merknader())
                .extracting(Merknad::kode).containsExactly("IKKE_VIST");
    }

    @Test
    void anOperationOutcomeAboutARestrictedModuleBecomesModulSperret() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'OperationOutcome','issue':[{'severity':'information',"
                + "'code':'suppressed','details':{'coding':[{'code':'KRITISKINFO_SPERRET'}],'text':'Pasienten har sperret modulen'}}]}");
        assertThat(c.merknader()).extracting(Merknad::kode).containsExactly("MODUL_SPERRET");
    }

    @Test
    void otherMessagesFromKjernejournalAreShownAsMessages() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'OperationOutcome','issue':[{'severity':'information',"
                + "'code':'suppressed','details':{'coding':[{'code':'KREVER_HELSEPERSONELL'}],'text':'Bare for helsepersonell'}}]}");
        assertThat(c.merknader()).singleElement().satisfies(m -> {
            assertThat(m.kode()).isEqualTo("MELDING");
            assertThat(m.tekst()).contains("Bare for helsepersonell");
        });
    }

    @Test
    void anEntryWithoutResourceOrTypeIsKept() throws Exception {
        ObjectNode bundle = Samples.bundle("{'id':'x'}");
        bundle.withArray("entry").addObject().put("fullUrl", "urn:uuid:1");
        FhirBundleMapper.Content c = FhirBundleMapper.map(bundle, FNR);
        assertThat(c.merknader()).extracting(Merknad::kode).containsExactly("MANGLER_FELT", "MANGLER_FELT");
    }

    @Test
    void aPagedBundleSaysItIsIncomplete() throws Exception {
        ObjectNode bundle = Samples.bundle();
        bundle.putArray("link").addObject().put("relation", "next").put("url", "http://x/page2");
        assertThat(FhirBundleMapper.map(bundle, FNR).merknader()).extracting(Merknad::kode, Merknad::innhold)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UFULLSTENDIG", null));
    }

    @Test
    void anUnreadableDateIsFlagged() throws Exception {
        FhirBundleMapper.Content c = map("{'resourceType':'Immunization','vaccineCode':{'text':'BCG'},'occurrenceDateTime':'ukjent'}");
        assertThat(c.vaksiner()).extracting(Vaksine::date).containsExactly((LocalDate) null);
        assertThat(c.merknader()).extracting(Merknad::kode).containsExactly("UKJENT_KODE");
    }

    @Test
    void preservedContentAndTheNumberOfMerknaderAreCapped() throws Exception {
        String big = "x".repeat(Merknader.MAX_INNHOLD_CHARS * 2);
        String[] resources = new String[Merknader.MAX_MERKNADER + 5];
        for (int i = 0; i < resources.length; i++) {
            resources[i] = "{'resourceType':'Procedure','note':[{'text':'" + big + "'}]}";
        }
        FhirBundleMapper.Content c = map(resources);
        assertThat(c.merknader()).hasSize(Merknader.MAX_MERKNADER + 1);
        assertThat(c.merknader().get(0).innhold()).hasSize(Merknader.MAX_INNHOLD_CHARS);
        assertThat(c.merknader().get(0).tekst()).contains("avkortet");
        Merknad last = c.merknader().get(Merknader.MAX_MERKNADER);
        assertThat(last.kode()).isEqualTo("UFULLSTENDIG");
        assertThat(last.tekst()).startsWith("5 ");
        assertThat(last.innhold()).isNull();
    }

    @Test
    void anAnswerThatIsNotABundleIsRefused() {
        assertThatThrownBy(() -> FhirBundleMapper.map(Samples.json("{'resourceType':'OperationOutcome'}"), FNR))
                .isInstanceOfSatisfying(KjernejournalException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_REJECTED));
        assertThatThrownBy(() -> FhirBundleMapper.map(Samples.json("{'resourceType':'Bundle','entry':{}}"), FNR))
                .isInstanceOf(KjernejournalException.class);
    }

    @Test
    void anEmptyBundleGivesEmptySections() throws Exception {
        FhirBundleMapper.Content c = FhirBundleMapper.map(Samples.json("{'resourceType':'Bundle'}"), FNR);
        assertThat(c.personalia()).isNull();
        assertThat(c.kritiskInformasjon()).isEmpty();
        assertThat(c.merknader()).isEmpty();
    }
}
