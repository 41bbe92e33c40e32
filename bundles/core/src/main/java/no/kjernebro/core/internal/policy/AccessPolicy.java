package no.kjernebro.core.internal.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Actor;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Profession;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.lookup.ServiceContext;

/**
 * Who may see which sections where: a matrix of (service context, profession or role) to the
 * sections granted, plus the access-basis rules. Immutable; a tenant holds the defaults with its
 * overrides applied. A cell that is absent or empty refuses.
 *
 * <p>Health personnel are looked up by their HPR profession code. Case workers are looked up by
 * their role and, when no row names that role, by the {@value #CASE_WORKER} row, so one override
 * covers every case worker and a specific role can still be given its own row.
 */
public final class AccessPolicy {

    /** The row for case workers whose role has no row of its own. */
    public static final String CASE_WORKER = "SAKSBEHANDLER";

    /** Professions that treat patients and see the full record in clinical services by default. */
    public static final Set<Profession> CLINICAL_PROFESSIONS =
            Collections.unmodifiableSet(EnumSet.of(Profession.LE, Profession.SP, Profession.VP, Profession.FA1, Profession.FA2));

    /** What an allocation office needs to allocate services: who the patient is and whom to call. */
    public static final Set<Section> ALLOCATION_SECTIONS =
            Collections.unmodifiableSet(EnumSet.of(Section.PERSONALIA, Section.FASTLEGE, Section.PAARORENDE));

    /** One matrix cell key. */
    public record Cell(ServiceContext context, String professionOrRole) {
    }

    private final Map<Cell, Set<Section>> matrix;

    private AccessPolicy(Map<Cell, Set<Section>> matrix) {
        this.matrix = Map.copyOf(matrix);
    }

    /**
     * The default matrix: LE, SP, VP, FA1 and FA2 see every section in clinical service contexts; in
     * the allocation office they and case workers see PERSONALIA, FASTLEGE and PAARORENDE; every
     * other profession, and case workers in clinical contexts, are refused.
     */
    public static AccessPolicy defaults() {
        Map<Cell, Set<Section>> m = new HashMap<>();
        for (ServiceContext context : ServiceContext.values()) {
            Set<Section> forClinicians = context.clinical() ? EnumSet.allOf(Section.class) : ALLOCATION_SECTIONS;
            for (Profession p : CLINICAL_PROFESSIONS) {
                m.put(new Cell(context, p.code()), forClinicians);
            }
            if (!context.clinical()) {
                m.put(new Cell(context, CASE_WORKER), ALLOCATION_SECTIONS);
            }
        }
        return new AccessPolicy(m);
    }

    /** A copy with the given cells replaced (an empty set refuses). */
    public AccessPolicy with(Map<Cell, Set<Section>> overrides) {
        Map<Cell, Set<Section>> m = new HashMap<>(matrix);
        overrides.forEach((cell, sections) -> m.put(cell, Set.copyOf(sections)));
        return new AccessPolicy(m);
    }

    /** The sections a cell grants (empty when refused). */
    public Set<Section> granted(ServiceContext context, String professionOrRole) {
        return matrix.getOrDefault(new Cell(context, professionOrRole), Set.of());
    }

    /**
     * Decides a request.
     *
     * @param wanted the sections the caller asked for; empty means everything allowed
     */
    public PolicyDecision decide(ServiceContext context, Actor actor, AccessBasis basis, Set<Section> wanted) {
        Set<Section> allowed = allowedFor(context, actor);
        if (allowed.isEmpty()) {
            return new PolicyDecision.Refused(ErrorCode.PROFESSION_NOT_ALLOWED,
                    describe(actor) + " may not look up kjernejournal in " + context);
        }
        boolean review = false;
        if (basis == AccessBasis.HPAKUTT) {
            // Emergency access is a right of health personnel giving care, never of an office.
            if (!(actor instanceof Actor.HealthPersonnel) || !context.clinical()) {
                return new PolicyDecision.Refused(ErrorCode.ACCESS_BASIS_NOT_ALLOWED,
                        "emergency access (HPAKUTT) is not allowed for " + describe(actor) + " in " + context);
            }
            review = true;
        }
        if (wanted == null || wanted.isEmpty()) {
            return new PolicyDecision.Granted(allowed, review);
        }
        Set<Section> granted = EnumSet.noneOf(Section.class);
        for (Section s : wanted) {
            if (allowed.contains(s)) {
                granted.add(s);
            }
        }
        if (granted.isEmpty()) {
            return new PolicyDecision.Refused(ErrorCode.NO_SECTIONS_ALLOWED,
                    "none of " + wanted + " is allowed for " + describe(actor) + " in " + context);
        }
        return new PolicyDecision.Granted(granted, review);
    }

    private Set<Section> allowedFor(ServiceContext context, Actor actor) {
        if (actor instanceof Actor.HealthPersonnel hp) {
            return hp.profession() == null ? Set.of() : granted(context, hp.profession().code());
        }
        Actor.CaseWorker cw = (Actor.CaseWorker) actor;
        String role = cw.role() == null ? "" : cw.role().trim().toUpperCase(Locale.ROOT);
        // A role spelled like a profession code must never borrow that profession's rights.
        Cell own = new Cell(context, role);
        if (Profession.fromCode(role).isEmpty() && matrix.containsKey(own)) {
            return matrix.get(own);
        }
        return granted(context, CASE_WORKER);
    }

    private static String describe(Actor actor) {
        if (actor instanceof Actor.HealthPersonnel hp) {
            return hp.profession() == null ? "health personnel without profession"
                    : "profession " + hp.profession().code() + " (" + hp.profession().norwegianName() + ")";
        }
        Actor.CaseWorker cw = (Actor.CaseWorker) actor;
        return "case worker" + (cw.role() == null || cw.role().isBlank() ? "" : " with role " + cw.role());
    }
}
