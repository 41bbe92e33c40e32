package no.kjernebro.core.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Profession;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.lookup.ServiceContext;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final Set<Section> ALL = EnumSet.allOf(Section.class);
    private static final Set<Section> ALLOCATION = EnumSet.of(Section.PERSONALIA, Section.FASTLEGE, Section.PAARORENDE);
    private static final Set<Profession> CLINICAL =
            EnumSet.of(Profession.LE, Profession.SP, Profession.VP, Profession.FA1, Profession.FA2);

    private final AccessPolicy policy = AccessPolicy.defaults();

    private static Actor hp(Profession p) {
        return new Actor.HealthPersonnel("9100001", "Test Person", p);
    }

    private static Actor caseWorker(String role) {
        return new Actor.CaseWorker("hid-sb-5601-0001", "Sara Testsaksbehandler", role);
    }

    @Test
    void everyDefaultCellForHealthPersonnel() {
        for (ServiceContext context : ServiceContext.values()) {
            for (Profession p : Profession.values()) {
                PolicyDecision d = policy.decide(context, hp(p), AccessBasis.HPMOTTATTSAMTYKKE, Set.of());
                if (!CLINICAL.contains(p)) {
                    assertThat(d).as(context + "/" + p).isInstanceOf(PolicyDecision.Refused.class);
                    PolicyDecision.Refused r = (PolicyDecision.Refused) d;
                    assertThat(r.error()).isEqualTo(ErrorCode.PROFESSION_NOT_ALLOWED);
                    assertThat(r.reason()).contains(p.code()).contains(context.name());
                } else {
                    Set<Section> expected = context.clinical() ? ALL : ALLOCATION;
                    assertThat(d).as(context + "/" + p).isEqualTo(new PolicyDecision.Granted(expected, false));
                }
            }
        }
    }

    @Test
    void everyDefaultCellForCaseWorkers() {
        for (ServiceContext context : ServiceContext.values()) {
            for (String role : new String[] {"SAKSBEHANDLER", "saksbehandler", "KONSULENT", null}) {
                PolicyDecision d = policy.decide(context, caseWorker(role), AccessBasis.HPMOTTATTSAMTYKKE, Set.of());
                if (context.clinical()) {
                    assertThat(d).as(context + "/" + role).isInstanceOf(PolicyDecision.Refused.class);
                    assertThat(((PolicyDecision.Refused) d).error()).isEqualTo(ErrorCode.PROFESSION_NOT_ALLOWED);
                } else {
                    assertThat(d).as(context + "/" + role).isEqualTo(new PolicyDecision.Granted(ALLOCATION, false));
                }
            }
        }
    }

    @Test
    void hpakuttIsAllowedAndReviewedForClinicalProfessionsInClinicalContexts() {
        for (ServiceContext context : ServiceContext.values()) {
            for (Profession p : CLINICAL) {
                PolicyDecision d = policy.decide(context, hp(p), AccessBasis.HPAKUTT, Set.of());
                if (context.clinical()) {
                    assertThat(d).isEqualTo(new PolicyDecision.Granted(ALL, true));
                } else {
                    assertThat(d).isInstanceOf(PolicyDecision.Refused.class);
                    assertThat(((PolicyDecision.Refused) d).error()).isEqualTo(ErrorCode.ACCESS_BASIS_NOT_ALLOWED);
                }
            }
        }
    }

    @Test
    void hpakuttIsNotAllowedForCaseWorkers() {
        PolicyDecision d = policy.decide(ServiceContext.TILDELINGSKONTOR, caseWorker("SAKSBEHANDLER"), AccessBasis.HPAKUTT, Set.of());
        assertThat(d).isInstanceOf(PolicyDecision.Refused.class);
        assertThat(((PolicyDecision.Refused) d).error()).isEqualTo(ErrorCode.ACCESS_BASIS_NOT_ALLOWED);
        assertThat(((PolicyDecision.Refused) d).reason()).contains("HPAKUTT");
    }

    @Test
    void consentAndExceptionBasesAreAllowedWithoutReview() {
        for (AccessBasis basis : new AccessBasis[] {AccessBasis.HPMOTTATTSAMTYKKE, AccessBasis.HPUNNTAK}) {
            assertThat(policy.decide(ServiceContext.HJEMMETJENESTE, hp(Profession.SP), basis, Set.of()))
                    .isEqualTo(new PolicyDecision.Granted(ALL, false));
        }
    }

    @Test
    void wantedSectionsAreIntersectedWithTheAllowedOnes() {
        PolicyDecision d = policy.decide(ServiceContext.TILDELINGSKONTOR, caseWorker("SAKSBEHANDLER"),
                AccessBasis.HPMOTTATTSAMTYKKE, EnumSet.of(Section.PERSONALIA, Section.LEGEMIDLER));
        assertThat(d).isEqualTo(new PolicyDecision.Granted(Set.of(Section.PERSONALIA), false));
    }

    @Test
    void wantingOnlyForbiddenSectionsIsRefused() {
        PolicyDecision d = policy.decide(ServiceContext.TILDELINGSKONTOR, caseWorker("SAKSBEHANDLER"),
                AccessBasis.HPMOTTATTSAMTYKKE, EnumSet.of(Section.LEGEMIDLER, Section.KRITISK_INFORMASJON));
        assertThat(d).isInstanceOf(PolicyDecision.Refused.class);
        assertThat(((PolicyDecision.Refused) d).error()).isEqualTo(ErrorCode.NO_SECTIONS_ALLOWED);
    }

    @Test
    void overridesReplaceCells() {
        AccessPolicy tenant = policy.with(PolicyOverrides.parse(
                "SYKEHJEM_KORTTID/FA2=LEGEMIDLER,KRITISK_INFORMASJON; TILDELINGSKONTOR/SAKSBEHANDLER=PERSONALIA;"
                        + "SYKEHJEM_LANGTID/HF=LEGEMIDLER;KAD_OHD/VP=NONE"));
        assertThat(tenant.decide(ServiceContext.SYKEHJEM_KORTTID, hp(Profession.FA2), AccessBasis.HPUNNTAK, Set.of()))
                .isEqualTo(new PolicyDecision.Granted(EnumSet.of(Section.LEGEMIDLER, Section.KRITISK_INFORMASJON), false));
        assertThat(tenant.decide(ServiceContext.TILDELINGSKONTOR, caseWorker("SAKSBEHANDLER"), AccessBasis.HPUNNTAK, Set.of()))
                .isEqualTo(new PolicyDecision.Granted(Set.of(Section.PERSONALIA), false));
        assertThat(tenant.decide(ServiceContext.SYKEHJEM_LANGTID, hp(Profession.HF), AccessBasis.HPUNNTAK, Set.of()))
                .isEqualTo(new PolicyDecision.Granted(Set.of(Section.LEGEMIDLER), false));
        assertThat(tenant.decide(ServiceContext.KAD_OHD, hp(Profession.VP), AccessBasis.HPUNNTAK, Set.of()))
                .isInstanceOf(PolicyDecision.Refused.class);
        // untouched cells keep their defaults
        assertThat(tenant.decide(ServiceContext.SYKEHJEM_LANGTID, hp(Profession.FA2), AccessBasis.HPUNNTAK, Set.of()))
                .isEqualTo(new PolicyDecision.Granted(ALL, false));
        // and the defaults object is not changed
        assertThat(policy.granted(ServiceContext.KAD_OHD, "VP")).isEqualTo(ALL);
    }

    @Test
    void aCaseWorkerRoleGetsItsOwnRowWhenOneIsConfigured() {
        AccessPolicy tenant = policy.with(PolicyOverrides.parse("HJEMMETJENESTE/KOORDINATOR=PERSONALIA,PAARORENDE"));
        assertThat(tenant.decide(ServiceContext.HJEMMETJENESTE, caseWorker("Koordinator"), AccessBasis.HPUNNTAK, Set.of()))
                .isEqualTo(new PolicyDecision.Granted(EnumSet.of(Section.PERSONALIA, Section.PAARORENDE), false));
        assertThat(tenant.decide(ServiceContext.HJEMMETJENESTE, caseWorker("SAKSBEHANDLER"), AccessBasis.HPUNNTAK, Set.of()))
                .isInstanceOf(PolicyDecision.Refused.class);
    }

    @Test
    void aCaseWorkerRoleSpelledLikeAProfessionDoesNotBorrowItsRights() {
        PolicyDecision d = policy.decide(ServiceContext.SYKEHJEM_LANGTID, caseWorker("LE"), AccessBasis.HPUNNTAK, Set.of());
        assertThat(d).isInstanceOf(PolicyDecision.Refused.class);
    }

    @Test
    void badOverrideSyntaxIsNamed() {
        assertThatThrownBy(() -> PolicyOverrides.parse("SYKEHJEM/FA2=LEGEMIDLER"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'SYKEHJEM' is not a service context");
        assertThatThrownBy(() -> PolicyOverrides.parse("KAD_OHD/LE=LEGEMIDDEL"))
                .hasMessageContaining("'LEGEMIDDEL' is not a section");
        assertThatThrownBy(() -> PolicyOverrides.parse("KAD_OHD=LEGEMIDLER"))
                .hasMessageContaining("is not of the form");
        assertThatThrownBy(() -> PolicyOverrides.parse("KAD_OHD/le=LEGEMIDLER"))
                .hasMessageContaining("not a profession code or role name");
        assertThat(PolicyOverrides.parse("  ")).isEmpty();
    }
}
