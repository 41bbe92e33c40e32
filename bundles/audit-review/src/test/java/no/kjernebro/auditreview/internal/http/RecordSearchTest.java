package no.kjernebro.auditreview.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditQuery;
import no.kjernebro.api.lookup.Outcome;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordSearchTest {

    private static final RecordSearch.PageSizes SIZES = new RecordSearch.PageSizes(100, 1000);

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejectedQuery(String... pairs) {
        return assertThatThrownBy(() -> RecordSearch.fromQuery(params(pairs), SIZES))
                .isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(400));
    }

    @Test
    void everyFilterReachesTheQueryAsAValue() {
        RecordSearch search = RecordSearch.fromQuery(params("kommune", "5601", "helsepersonell", "9100002",
                "adapter", "sykehjem-xml", "fra", "2026-01-01", "til", "2026-01-31T23:00:00Z", "utfall", "refused",
                "tilgangsgrunnlag", "HPAKUTT", "tjeneste", "HJEMMETJENESTE", "type", "PATIENT_LOOKUP,audit_access",
                "etter", "42", "antall", "10", "nyeste-forst", "true", "format", "csv"), SIZES);

        AuditQuery q = search.query();
        assertThat(q.chain()).isEqualTo("5601");
        assertThat(q.actorId()).isEqualTo("9100002");
        assertThat(q.adapterId()).isEqualTo("sykehjem-xml");
        assertThat(q.from()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z")); // midnight in Oslo
        assertThat(q.to()).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
        assertThat(q.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(q.accessBasis()).isEqualTo("HPAKUTT");
        assertThat(q.serviceContext()).isEqualTo("HJEMMETJENESTE");
        assertThat(q.types()).containsExactlyInAnyOrder(AuditEntry.EventType.PATIENT_LOOKUP,
                AuditEntry.EventType.AUDIT_ACCESS);
        assertThat(q.after()).isEqualTo(42);
        assertThat(q.limit()).isEqualTo(10);
        assertThat(q.newestFirst()).isTrue();
        assertThat(search.format()).isEqualTo("csv");
        assertThat(search.words()).contains("kommune=5601", "helsepersonell=9100002", "utfall=REFUSED", "antall=10");
    }

    @Test
    void defaultsAreAllRecordsOldestFirstInPagesOfTheDefaultSize() {
        AuditQuery q = RecordSearch.fromQuery(Map.of(), SIZES).query();

        assertThat(q.limit()).isEqualTo(100);
        assertThat(q.after()).isZero();
        assertThat(q.newestFirst()).isFalse();
        assertThat(q.chain()).isNull();
        assertThat(q.types()).isEmpty();
    }

    @Test
    void aDateAsTilIncludesTheWholeDay() {
        AuditQuery q = RecordSearch.fromQuery(params("fra", "2026-06-01", "til", "2026-06-01"), SIZES).query();

        assertThat(q.from()).isEqualTo(Instant.parse("2026-05-31T22:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-06-01T22:00:00Z"));
    }

    @Test
    void instantsWithOffsetsAreAccepted() {
        AuditQuery q = RecordSearch.fromQuery(params("fra", "2026-06-01T08:00:00+02:00"), SIZES).query();

        assertThat(q.from()).isEqualTo(Instant.parse("2026-06-01T06:00:00Z"));
    }

    @Test
    void theSystemChainCanBeSearched() {
        assertThat(RecordSearch.fromQuery(params("kommune", "_system"), SIZES).query().chain()).isEqualTo("_system");
    }

    @Test
    void unknownParameterNamesAreRefusedAndNamed() {
        rejectedQuery("kommune", "5601", "sortering", "navn").hasMessageContaining("unknown parameter 'sortering'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fra|2026-13-01|fra must be an ISO-8601 instant",
        "til|yesterday|til must be an ISO-8601 instant",
        "fra|2026-06-01T08:00:00 02:00|write '+' as %2B",
        "utfall|MAYBE|utfall must be one of [ALLOWED, REFUSED, FAILED]",
        "type|PATIENT_LOOKUP,LOGIN|type must be one of",
        "antall|ten|antall must be a whole number",
        "antall|1001|antall must be between 1 and 1000; got 1001",
        "antall|0|antall must be between 1 and 1000; got 0",
        "antall|-5|antall must be between 1 and 1000",
        "antall|99999999999999999999|antall must be a whole number",
        "etter|-1|etter must be between 0",
        "nyeste-forst|yes|nyeste-forst must be true or false",
        "kommune|560|kommune must be a kommunenummer (4 digits)",
        "format|xml|format must be json, csv or fhir",
    })
    void malformedValuesAreRefusedPrecisely(String name, String value, String detail) {
        rejectedQuery(name, value).hasMessageContaining(detail);
    }

    @Test
    void fromMustBeBeforeTo() {
        rejectedQuery("fra", "2026-02-01T00:00:00Z", "til", "2026-02-01T00:00:00Z")
                .hasMessage("fra must be before til");
        rejectedQuery("fra", "2026-03-01", "til", "2026-02-01").hasMessage("fra must be before til");
    }

    @Test
    void anIdentityNumberInTheUrlIsRefusedWithTheWayToDoIt() {
        rejectedQuery("pasient", "05902823095")
                .hasMessageContaining("must never be sent in a URL")
                .hasMessageContaining("POST /records/search")
                .message().doesNotContain("05902823095");
        rejectedQuery("fnr", "05902823095").hasMessageContaining("must never be sent in a URL");
    }

    @Test
    void thePatientGoesInTheBodyAndIsMaskedInWords() {
        RecordSearch search = RecordSearch.fromBody(params("pasient", "05902823095", "kommune", "5601"), SIZES);

        assertThat(search.query().patientId()).isEqualTo("05902823095");
        assertThat(search.words()).contains("pasient=*********95").doesNotContain("05902823095");
    }

    @Test
    void fnrIsAnAliasForPasientButNotBoth() {
        assertThat(RecordSearch.fromBody(params("fnr", "21874614847"), SIZES).query().patientId())
                .isEqualTo("21874614847");
        assertThatThrownBy(() -> RecordSearch.fromBody(params("fnr", "21874614847", "pasient", "05902823095"), SIZES))
                .hasMessageContaining("not both");
    }

    @ParameterizedTest
    @CsvSource({"05902823096", "0590282309", "059028230950", "abcdefghijk", "05902823O95"})
    void anInvalidIdentityNumberIsRefusedWithoutEchoingIt(String fnr) {
        assertThatThrownBy(() -> RecordSearch.fromBody(params("pasient", fnr), SIZES))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("pasient is not a valid national identity number")
                .message().doesNotContain(fnr);
    }

    /** SQL and script meta-characters never get past validation: 400, never an error 500. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "helsepersonell|' OR '1'='1",
        "helsepersonell|9100002; DROP TABLE audit_record;--",
        "adapter|sykehjem-xml' --",
        "kommune|5601 OR 1=1",
        "tilgangsgrunnlag|HPAKUTT\"); DELETE FROM audit_record; --",
        "tjeneste|<script>alert(1)</script>",
        "actor|admin'/*",
        "type|PATIENT_LOOKUP' UNION SELECT * FROM users --",
    })
    void injectionAttemptsAreRefused(String name, String value) {
        rejectedQuery(name, value).hasMessageStartingWith(name + " must be");
    }

    @Test
    void aValueWithinTheAllowedCharactersIsPassedVerbatimAsAValue() {
        // dashes are allowed in HelseID subjects, so "--" passes validation; it can only ever be a value
        AuditQuery q = RecordSearch.fromQuery(params("helsepersonell", "9100002--"), SIZES).query();

        assertThat(q.actorId()).isEqualTo("9100002--");
    }

    @Test
    void overlongValuesAreRefused() {
        rejectedQuery("helsepersonell", "9".repeat(201)).hasMessageContaining("longer than 200");
    }

    @Test
    void theLargestPageFollowsConfiguration() {
        RecordSearch.PageSizes small = new RecordSearch.PageSizes(10, 50);
        assertThatThrownBy(() -> RecordSearch.fromQuery(params("antall", "51"), small))
                .hasMessageContaining("between 1 and 50");
        assertThat(RecordSearch.fromQuery(Map.of(), small).query().limit()).isEqualTo(10);
        assertThat(new RecordSearch.PageSizes(100, 5000).max()).isEqualTo(AuditQuery.MAX_LIMIT);
    }

    @Test
    void eventTypesParseCaseInsensitively() {
        assertThat(RecordSearch.fromQuery(params("type", "patient_lookup"), SIZES).query().types())
                .isEqualTo(Set.of(AuditEntry.EventType.PATIENT_LOOKUP));
    }
}
