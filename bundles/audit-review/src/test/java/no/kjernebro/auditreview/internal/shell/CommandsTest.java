package no.kjernebro.auditreview.internal.shell;

import static no.kjernebro.auditreview.internal.rules.Lookups.LISE;
import static no.kjernebro.auditreview.internal.rules.Lookups.OTHER_PATIENT;
import static no.kjernebro.auditreview.internal.rules.Lookups.PATIENT;
import static no.kjernebro.auditreview.internal.rules.Lookups.lookup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.ChainVerification;
import no.kjernebro.api.audit.ForwardingStatus;
import no.kjernebro.auditreview.internal.access.AuditorAccess;
import no.kjernebro.auditreview.internal.report.AccessReports;
import no.kjernebro.auditreview.internal.rules.FakeAuditLog;
import no.kjernebro.auditreview.internal.rules.FakeAuditTrail;
import no.kjernebro.auditreview.internal.rules.Finding;
import no.kjernebro.auditreview.internal.rules.Findings;
import no.kjernebro.auditreview.internal.rules.FindingsService;
import no.kjernebro.auditreview.internal.rules.ReviewSettings;
import no.kjernebro.auditreview.internal.shell.completers.RuleIdCompleter;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    private final FakeAuditTrail trail = new FakeAuditTrail();
    private final FakeAuditLog log = new FakeAuditLog(trail);
    private final FakeReports reports = new FakeReports();
    private final FakeShell shell = new FakeShell();
    private FindingsService findings;

    @BeforeEach
    void setUp() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:shell-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Clock clock = Clock.fixed(Instant.parse("2025-03-04T12:00:00Z"), ZoneOffset.UTC);
        findings = new FindingsService(trail, h2, new AuditorAccess(log, clock), ReviewSettings::defaults, clock);
        findings.migrate();
    }

    /** Injects what Karaf injects into the @Reference fields. */
    private <T> T wire(T command) {
        try {
            for (var f : command.getClass().getDeclaredFields()) {
                Object value = f.getType() == AuditTrail.class ? trail : f.getType() == AuditLog.class ? log
                        : f.getType() == Session.class ? shell.session : f.getType() == Findings.class ? findings
                        : f.getType() == AccessReports.class ? reports : null;
                if (value != null) {
                    f.setAccessible(true);
                    f.set(command, value);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return command;
    }

    private List<AuditEntry> accesses() {
        return log.appended.stream().filter(e -> e.type() == AuditEntry.EventType.AUDIT_ACCESS).toList();
    }

    @Test
    void searchPrintsATableWithMaskedIdentityNumbersAndRecordsTheSearchFirst() throws Exception {
        trail.add(lookup().basis("HPAKUTT").time("2025-03-03T02:14").entry());
        trail.add(lookup().patient(OTHER_PATIENT, null).entry());
        AuditSearch search = wire(new AuditSearch());
        search.pasient = PATIENT;
        search.kommune = "5601";

        FakeShell.as("revisor", search::execute);

        // newest first: the auditor's own search, recorded before it ran, is the first row
        assertThat(shell.output()).contains("Reference", "Health worker", "Patient")
                .containsPattern("KJB-000000000003 .*5601.*AUDIT_ACCESS.*revisor.*\\*{9}95.*search")
                .containsPattern("KJB-000000000001 .*2025-03-03 02:14:00.*5601.*PATIENT_LOOKUP.*Lise Testlege \\(9100001\\).*\\*{9}95.*HPAKUTT.*ALLOWED")
                .doesNotContain(PATIENT).doesNotContain("*********47")
                .contains("2 records; no more pages.");
        assertThat(accesses()).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo("revisor");
            assertThat(e.patientId()).isEqualTo(PATIENT);
            assertThat(e.kommunenummer()).isEqualTo("5601");
            assertThat(e.reasonCode()).isEqualTo("search");
            assertThat(e.reason()).doesNotContain(PATIENT);
        });
        assertThat(trail.queries.get(0).newestFirst()).isTrue();
    }

    @Test
    void searchShowsTheNumberOnlyWhenAskedAndPagesWithACursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            trail.add(lookup().time("2025-03-03T1" + i + ":00").entry());
        }
        AuditSearch search = wire(new AuditSearch());
        search.pasient = PATIENT;
        search.visFnr = true;
        search.antall = 2;

        FakeShell.as("revisor", search::execute);

        assertThat(shell.output()).contains(PATIENT).contains("2 records shown. Next page: --etter 3");
        assertThat(accesses().get(0).reason()).contains("unmasked");
    }

    @Test
    void searchAsCsvQuotesAndDefusesCells() throws Exception {
        trail.add(lookup().actor(LISE, "=HYPERLINK(\"x\"), Lise").entry());
        AuditSearch search = wire(new AuditSearch());
        search.csv = true;
        search.pasient = PATIENT;

        FakeShell.as("revisor", search::execute);

        List<String> lines = shell.output().lines().toList();
        assertThat(lines.get(0)).startsWith("reference,time,kommunenummer,type");
        assertThat(lines.get(1)).startsWith("KJB-000000000002,").contains("AUDIT_ACCESS,AUDITOR,revisor");
        assertThat(lines.get(2)).startsWith("KJB-000000000001,2025-03-03T09:00:00Z,5601,PATIENT_LOOKUP,HPR,9100001,")
                .contains("\"'=HYPERLINK(\"\"x\"\"), Lise\"").contains("*********95").doesNotContain(PATIENT);
        assertThat(accesses().get(0).reasonCode()).isEqualTo("export-csv");
    }

    @Test
    void badSearchParametersAreOneClearLineAndNothingIsRecorded() {
        AuditSearch bad = wire(new AuditSearch());
        bad.pasient = "12345678901";
        assertThatThrownBy(bad::execute).isInstanceOf(CommandException.class)
                .hasMessage("--pasient *********01 is not a valid national identity number");

        AuditSearch huge = wire(new AuditSearch());
        huge.antall = 100000;
        assertThatThrownBy(huge::execute).hasMessage("Invalid search: limit must be between 1 and 1000");

        AuditSearch when = wire(new AuditSearch());
        when.fra = "yesterday";
        assertThatThrownBy(when::execute).hasMessageStartingWith("--fra must be a date");

        AuditSearch outcome = wire(new AuditSearch());
        outcome.utfall = "' OR 1=1 --";
        assertThatThrownBy(outcome::execute).hasMessageStartingWith("--utfall must be one of");
        assertThat(log.appended).isEmpty();
    }

    @Test
    void searchShowsNothingWhenTheAccessCannotBeRecorded() {
        trail.add(lookup().entry());
        log.down = true;
        AuditSearch search = wire(new AuditSearch());

        assertThatThrownBy(search::execute).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("The audit log cannot record this access, so nothing is shown");
        assertThat(shell.output()).isEmpty();
        assertThat(trail.queries).isEmpty();
    }

    @Test
    void verifyReportsEachChainAndFailsWhenOneIsBroken() throws Exception {
        trail.verifications.put("5601", new ChainVerification("5601", true, 1200, 1, 1200, ChainVerification.Problem.NONE,
                0, null, "intact", null));
        trail.verifications.put("5503", new ChainVerification("5503", false, 16, 1, 17, ChainVerification.Problem.HASH_MISMATCH,
                17, "KJB-000000000042", "record 17 no longer hashes to its stored hash", null));

        assertThatThrownBy(() -> FakeShell.as("revisor", wire(new AuditVerify())::execute)).isInstanceOf(CommandException.class)
                .hasMessage("Audit chain verification FAILED: 5503 (HASH_MISMATCH at position 17)");

        assertThat(shell.output())
                .containsPattern("5503 .*HASH_MISMATCH.*16.*1\\.\\.17.*17.*KJB-000000000042.*record 17 no longer hashes")
                .containsPattern("5601 .*OK.*1200");
        assertThat(accesses()).singleElement().satisfies(e -> assertThat(e.reasonCode()).isEqualTo("verify"));
    }

    @Test
    void verifyOfOneIntactChainSaysSo() throws Exception {
        trail.add(lookup().entry());
        AuditVerify verify = wire(new AuditVerify());
        verify.chains = List.of("5601");

        FakeShell.as("revisor", verify::execute);

        assertThat(shell.output()).containsPattern("5601 .*OK").contains("1 chain(s) intact.");
        AuditVerify unknown = wire(new AuditVerify());
        unknown.chains = List.of("9999");
        assertThatThrownBy(unknown::execute).hasMessage("Unknown chain 9999 (the store has: 5601)");
    }

    @Test
    void reportIsWrittenAfterTheAccessIsRecorded(@TempDir Path dir) throws Exception {
        AuditReport report = wire(new AuditReport());
        report.pasient = PATIENT;
        report.fra = "2025-01-01";
        report.til = "2025-03-31";
        report.kommune = "5601";
        report.fil = "innsyn.pdf";
        shell.currentDir = dir;

        FakeShell.as("revisor", report::execute);

        assertThat(Files.readString(dir.resolve("innsyn.pdf"))).startsWith("%PDF");
        assertThat(reports.calls).containsExactly(PATIENT + " 2025-01-01..2025-03-31 5601 PDF");
        assertThat(shell.output()).contains("*********95").contains("innsyn.pdf").doesNotContain(PATIENT);
        assertThat(accesses()).singleElement().satisfies(e -> {
            assertThat(e.reasonCode()).isEqualTo("report-pdf");
            assertThat(e.patientId()).isEqualTo(PATIENT);
        });

        AuditReport again = wire(new AuditReport());
        again.pasient = PATIENT;
        again.fra = "2025-01-01";
        again.til = "2025-03-31";
        again.format = "html";
        again.fil = dir.resolve("innsyn.pdf").toString();
        assertThatThrownBy(again::execute).hasMessageEndingWith("exists; use --force to overwrite it");
        again.format = "docx";
        assertThatThrownBy(again::execute).hasMessage("--format must be html or pdf, not 'docx'");
    }

    @Test
    void findingsAreEvaluatedListedShownAndReviewed() throws Exception {
        trail.add(lookup().basis("HPAKUTT").time("2025-03-03T02:14").entry());
        AuditFindings evaluate = wire(new AuditFindings());
        evaluate.evaluate = true;
        evaluate.kommune = "5601";
        evaluate.fra = "2025-03-03";
        evaluate.til = "2025-03-03";
        FakeShell.as("revisor", evaluate::execute);
        assertThat(shell.output()).contains("5601: 1 new or extended finding(s)")
                .containsPattern("1 .*5601.*HPAKUTT.*OPEN.*9100001.*\\*{9}95.*KJB-000000000001");

        AuditFindings list = wire(new AuditFindings());
        list.status = "åpen";
        FakeShell.as("revisor", list::execute);
        assertThat(shell.output()).contains("Akuttilgang (HPAKUTT)").doesNotContain(PATIENT);

        AuditFindings review = wire(new AuditFindings());
        review.review = 1L;
        review.kommentar = "Akutt innleggelse, dokumentert";
        FakeShell.as("revisor", review::execute);
        assertThat(shell.output()).contains("Finding 1 (HPAKUTT, 5601) marked reviewed by revisor");
        assertThat(log.appended).extracting(AuditEntry::type).contains(AuditEntry.EventType.AUDIT_REVIEW);

        AuditFindings show = wire(new AuditFindings());
        show.id = 1L;
        FakeShell.as("revisor", show::execute);
        assertThat(shell.output()).contains("reviewed by revisor").contains("records (1): KJB-000000000001");

        AuditFindings twice = wire(new AuditFindings());
        twice.review = 1L;
        twice.kommentar = "igjen";
        assertThatThrownBy(() -> FakeShell.as("revisor", twice::execute)).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("finding 1 was already reviewed by revisor");
        assertThat(findings.get(1).orElseThrow().status()).isEqualTo(Finding.Status.REVIEWED);
        assertThat(accesses()).extracting(AuditEntry::reasonCode).containsExactly("evaluate-findings", "list-findings", "show-finding");
    }

    @Test
    void reviewNeedsACommentAndALoggedInUser() {
        AuditFindings review = wire(new AuditFindings());
        review.review = 1L;
        assertThatThrownBy(review::execute).hasMessageStartingWith("--review needs --kommentar");
        review.kommentar = "ok";
        assertThatThrownBy(review::execute).hasMessage("Only a logged-in Karaf user can review findings");
        AuditFindings bad = wire(new AuditFindings());
        bad.status = "kanskje";
        assertThatThrownBy(bad::execute).hasMessage("--status must be OPEN or REVIEWED, not 'kanskje'");
    }

    @Test
    void purgeAsksFirstAndNamesTheOperator() throws Exception {
        AuditPurge purge = wire(new AuditPurge());
        purge.chain = "5601";
        shell.answers.add("nei");
        FakeShell.as("drift", purge::execute);
        assertThat(trail.purges).isEmpty();
        assertThat(shell.output()).contains("(yes/no)").contains("Nothing was purged.");

        shell.answers.add("ja");
        FakeShell.as("drift", purge::execute);
        assertThat(trail.purges).containsExactly("5601 by drift");
        assertThat(shell.output()).contains("Chain 5601: 120 records older than").contains("checkpoint at position 120")
                .contains("Recorded as KJB-000000000999.");

        AuditPurge anonymous = wire(new AuditPurge());
        anonymous.chain = "5601";
        anonymous.force = true;
        assertThatThrownBy(anonymous::execute).hasMessageStartingWith("Only a logged-in Karaf user can purge");
    }

    @Test
    void forwardingShowsTheBacklog() throws Exception {
        trail.forwarding = new ForwardingStatus(true, "http://localhost:8190/fhir/AuditEvent", 42,
                Instant.parse("2025-03-03T08:00:00Z"), 3, 1000, "503 Service Unavailable");

        FakeShell.as("drift", wire(new AuditForwarding())::execute);

        assertThat(shell.output()).contains("Backlog:         42 record(s)").contains("Oldest pending:  2025-03-03 09:00:00")
                .contains("Last error:      503 Service Unavailable");
        assertThat(accesses()).singleElement().satisfies(e -> assertThat(e.actorId()).isEqualTo("drift"));
    }

    @Test
    void withoutAJaasSubjectTheAuditorIsUnknown() {
        assertThat(Auditor.name()).isEqualTo("unknown");
    }

    @Test
    void ruleIdsComplete() {
        List<String> candidates = new ArrayList<>();
        var line = (org.apache.karaf.shell.api.console.CommandLine) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.apache.karaf.shell.api.console.CommandLine.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getCursorArgument" -> "OUT";
                    case "getArgumentPosition", "getBufferPosition" -> 3;
                    case "getCursorArgumentIndex" -> 0;
                    case "getArguments" -> new String[] {"OUT"};
                    case "getBuffer" -> "OUT";
                    default -> null;
                });
        new RuleIdCompleter().complete(shell.session, line, candidates);
        assertThat(candidates).extracting(String::trim).containsExactlyInAnyOrder("OUTSIDE_WORKING_HOURS", "OUTSIDE_CARE_RELATIONSHIP");
    }
}
