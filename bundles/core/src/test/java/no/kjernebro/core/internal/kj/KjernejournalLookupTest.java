package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a lookup does with each Helseindikator answer, with tickets, and with what it cannot map. */
class KjernejournalLookupTest {

    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {0, 1})
    void statusZeroAndOneEndTheLookupCleanlyWithTheIndicatorOnly(int status) throws Exception {
        h = Harness.start();
        h.nhn.answer(Harness.HI, 200, "{\"status\":" + status + ",\"returTekst\":\"tekst " + status + "\"}");
        PatientSummary s = h.fetch();
        assertThat(s.helseindikator().status()).isEqualTo(status);
        assertThat(s.helseindikator().returTekst()).isEqualTo("tekst " + status);
        assertThat(s.sections()).isEmpty();
        assertThat(s.personalia()).isNull();
        assertThat(h.nhn.seen(Harness.EVERYTHING)).isEmpty();
        assertThat(h.nhn.seen(Harness.LEGEMIDLER)).isEmpty();
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {2, 3, 4})
    void statusTwoToFourFetchTheGrantedSections(int status) throws Exception {
        h = Harness.start();
        h.nhn.answer(Harness.HI, 200, "{\"status\":" + status + ",\"ticket\":\"t\"}");
        PatientSummary s = h.fetch();
        assertThat(s.helseindikator().status()).isEqualTo(status);
        assertThat(s.sections()).isEqualTo(EnumSet.allOf(Section.class));
        assertThat(h.nhn.seen(Harness.EVERYTHING)).hasSize(1);
    }

    @Test
    void aPatientWhoBlockedHealthPersonnelHasNothingFetched() throws Exception {
        h = Harness.start();
        h.nhn.answer(Harness.HI, 200, "{\"status\":4,\"ticket\":\"t\",\"eksistererBlokkertHelsepersonell\":true}");
        h.fails(ErrorCode.PATIENT_BLOCKED_PERSONNEL);
        assertThat(h.nhn.seen(Harness.EVERYTHING)).isEmpty();
        assertThat(h.nhn.seen(Harness.LEGEMIDLER)).isEmpty();
    }

    @Test
    void forbiddenOnCriticalInformationMeansBlocked() throws Exception {
        h = Harness.start();
        h.nhn.answer(Harness.EVERYTHING, 403, "{\"resourceType\":\"OperationOutcome\"}");
        h.fails(ErrorCode.PATIENT_BLOCKED_PERSONNEL);
    }

    @Test
    void aStatusWithoutTicketIsRejected() throws Exception {
        h = Harness.start();
        h.nhn.answer(Harness.HI, 200, "{\"status\":3}");
        h.fails(ErrorCode.KJERNEJOURNAL_REJECTED);
    }

    @Test
    void onlyGrantedSectionsLeaveAndUnneededCallsAreSkipped() throws Exception {
        h = Harness.start();
        PatientSummary p = h.client.fetch(Harness.request(Set.of(Section.PERSONALIA, Section.FASTLEGE)));
        assertThat(p.sections()).containsExactlyInAnyOrder(Section.PERSONALIA, Section.FASTLEGE);
        assertThat(p.kritiskInformasjon()).isEmpty();
        assertThat(p.legemidler()).isNull();
        assertThat(h.nhn.seen(Harness.LEGEMIDLER)).isEmpty();
    }

    @Test
    void aTicketIsReusedForTheSameTenantPatientAndConsentsWithinTheWindow() throws Exception {
        h = Harness.start();
        h.client.fetch(Harness.request(Set.of(Section.KRITISK_INFORMASJON)));
        h.clock.advance(Duration.ofSeconds(60));
        h.client.fetch(Harness.request(Set.of(Section.LEGEMIDLER)));
        assertThat(h.nhn.seen(Harness.HI)).hasSize(1);
        assertThat(h.nhn.seen(Harness.LEGEMIDLER).get(0).query()).contains("ticket=t-123");
        assertThat(h.client.statistics().ticketsReused.get()).isEqualTo(1);

        // another access basis, other consents, another municipality: each a Helseindikator call of its own
        h.client.fetch(Harness.request(TestTenants.alta(), Set.of(Section.PERSONALIA), AccessBasis.HPAKUTT, Samtykker.INGEN));
        h.client.fetch(Harness.request(TestTenants.alta(), Set.of(Section.PERSONALIA), AccessBasis.HPMOTTATTSAMTYKKE,
                new Samtykker(true, false, false)));
        h.client.fetch(Harness.request(TestTenants.lyngenDisabled(), Set.of(Section.PERSONALIA),
                AccessBasis.HPMOTTATTSAMTYKKE, Samtykker.INGEN));
        assertThat(h.nhn.seen(Harness.HI)).hasSize(4);
        assertThat(h.nhn.seen(Harness.HI).get(3).header("Authorization")).isEqualTo("Bearer system-5536-1");

        // after the window
        h.clock.advance(Duration.ofSeconds(61));
        h.client.fetch(Harness.request(Set.of(Section.PERSONALIA)));
        assertThat(h.nhn.seen(Harness.HI)).hasSize(5);
    }

    @Test
    void aTicketKjernejournalNoLongerKnowsIsReplacedOnce() throws Exception {
        h = Harness.start();
        h.fetch();
        h.nhn.then(Harness.EVERYTHING, FakeNhn.Reply.json(404, "{\"resourceType\":\"OperationOutcome\"}"));
        assertThat(h.fetch().kritiskInformasjon()).hasSize(3);
        assertThat(h.nhn.seen(Harness.HI)).hasSize(2);
        assertThat(h.nhn.seen(Harness.EVERYTHING)).hasSize(3);
        assertThat(h.client.statistics().ticketsRefused.get()).isEqualTo(1);

        h.nhn.answer(Harness.LEGEMIDLER, 404, "{}");
        assertThat(h.fails(ErrorCode.KJERNEJOURNAL_REJECTED).getMessage()).contains("ticket");
        assertThat(h.nhn.seen(Harness.HI)).hasSize(3);
    }

    @Test
    void whatCannotBeMappedIsFlaggedAndFollowsTheGrantedSections() throws Exception {
        h = Harness.start();
        var bundle = Samples.sample("everything.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) bundle.get("entry")).addObject()
                .set("resource", Samples.json("{'resourceType':'Procedure','code':{'text':'Dialyse'}}"));
        h.nhn.answer(Harness.EVERYTHING, 200, bundle.toString());

        PatientSummary all = h.client.fetch(Harness.request(EnumSet.complementOf(EnumSet.of(Section.LEGEMIDLER))));
        assertThat(all.fullstendig()).isFalse();
        assertThat(all.merknader()).extracting(Merknad::kode).containsExactly("UKJENT_RESSURSTYPE");

        PatientSummary personalia = h.client.fetch(Harness.request(Set.of(Section.PERSONALIA)));
        assertThat(personalia.merknader()).isEmpty();
    }

    @Test
    void lockedPrescriptionsAreMarkedHiddenWithoutTheConsent() throws Exception {
        h = Harness.start();
        h.nhn.answer(Harness.HI, 200, "{\"status\":2,\"ticket\":\"t\",\"harLasteResepter\":true}")
                .answer(Harness.LEGEMIDLER, 200, "{\"legemidler\":[],\"lasteResepterSkjult\":false}");
        PatientSummary without = h.client.fetch(Harness.request(Set.of(Section.LEGEMIDLER)));
        assertThat(without.legemidler().lasteResepterSkjult()).isTrue();
        assertThat(without.merknader()).extracting(Merknad::kode, Merknad::seksjon)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MODUL_SPERRET", Section.LEGEMIDLER));

        PatientSummary with = h.client.fetch(Harness.request(TestTenants.alta(), Set.of(Section.LEGEMIDLER),
                AccessBasis.HPMOTTATTSAMTYKKE, new Samtykker(false, false, true)));
        assertThat(with.legemidler().lasteResepterSkjult()).isFalse();
        assertThat(with.merknader()).isEmpty();
        assertThat(h.nhn.seen(Harness.LEGEMIDLER).get(1).query()).contains("samtykke-laste-resepter=true");
    }

    @Test
    void theLegacyConstructorStillWorks() throws Exception {
        h = Harness.start(Map.of());
        KjernejournalRequest legacy = new KjernejournalRequest(TestTenants.alta(),
                no.kjernebro.api.identity.NationalIdentityNumber.parse(Harness.FNR).orElseThrow(),
                AccessBasis.HPUNNTAK, Set.of(Section.PERSONALIA), Harness.USER_TOKEN, "EPJ", null);
        assertThat(legacy.samtykker()).isEqualTo(Samtykker.INGEN);
        assertThat(h.client.fetch(legacy).personalia()).isNotNull();
    }
}
