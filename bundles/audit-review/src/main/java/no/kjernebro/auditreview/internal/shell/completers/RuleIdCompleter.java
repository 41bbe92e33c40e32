package no.kjernebro.auditreview.internal.shell.completers;

import java.util.List;
import no.kjernebro.auditreview.internal.rules.ReviewRules;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes review rule ids. */
@Service
public class RuleIdCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(ReviewRules.IDS).complete(session, commandLine, candidates);
    }
}
