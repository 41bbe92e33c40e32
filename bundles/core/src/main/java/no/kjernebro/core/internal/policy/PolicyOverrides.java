package no.kjernebro.core.internal.policy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.lookup.ServiceContext;

/**
 * Parses a tenant's {@code policy.override} value.
 *
 * <p>Syntax: entries separated by {@code ;}, each {@code <SERVICE_CONTEXT>/<WHO>=<SECTIONS>} where
 * {@code SERVICE_CONTEXT} is a {@link ServiceContext} name, {@code WHO} an HPR profession code
 * ({@code LE}, {@code FA2}, ...) or a case-worker role ({@code SAKSBEHANDLER} is the row every case
 * worker falls back to), and {@code SECTIONS} a comma list of {@link Section} names or {@code NONE}
 * to refuse. Whitespace around tokens is ignored; a later entry for the same cell wins. Example:
 * {@code SYKEHJEM_KORTTID/FA2=LEGEMIDLER,KRITISK_INFORMASJON;TILDELINGSKONTOR/SAKSBEHANDLER=PERSONALIA}.
 */
public final class PolicyOverrides {

    /** Profession codes and role names: upper-case letters, digits and underscores. */
    private static final Pattern WHO = Pattern.compile("[A-Z][A-Z0-9_]*");

    private PolicyOverrides() {
    }

    /**
     * @param text the override value (null or blank means no overrides)
     * @return the cells to replace, in the order given
     * @throws IllegalArgumentException naming the bad entry, when the syntax is wrong
     */
    public static Map<AccessPolicy.Cell, Set<Section>> parse(String text) {
        Map<AccessPolicy.Cell, Set<Section>> cells = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return cells;
        }
        for (String raw : text.split(";")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            int slash = entry.indexOf('/');
            if (eq < 0 || slash < 0 || slash > eq) {
                throw new IllegalArgumentException("policy override '" + entry
                        + "' is not of the form SERVICE_CONTEXT/PROFESSION_OR_ROLE=SECTION,...|NONE");
            }
            ServiceContext context = serviceContext(entry, entry.substring(0, slash).trim());
            String who = entry.substring(slash + 1, eq).trim();
            if (!WHO.matcher(who).matches()) {
                throw new IllegalArgumentException("policy override '" + entry + "': '" + who
                        + "' is not a profession code or role name");
            }
            cells.put(new AccessPolicy.Cell(context, who), sections(entry, entry.substring(eq + 1).trim()));
        }
        return cells;
    }

    private static ServiceContext serviceContext(String entry, String name) {
        try {
            return ServiceContext.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy override '" + entry + "': '" + name
                    + "' is not a service context", e);
        }
    }

    private static Set<Section> sections(String entry, String list) {
        if (list.equals("NONE")) {
            return Set.of();
        }
        Set<Section> sections = EnumSet.noneOf(Section.class);
        for (String name : list.split(",")) {
            try {
                sections.add(Section.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("policy override '" + entry + "': '" + name.trim()
                        + "' is not a section (use NONE to refuse)", e);
            }
        }
        return sections;
    }
}
