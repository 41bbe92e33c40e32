package no.kjernebro.auditreview.internal.shell;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Locale;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.auditreview.internal.report.AccessReports;
import no.kjernebro.auditreview.internal.shell.completers.ChainCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Writes a patient's access report ("innsyn i logg") to a file, after recording that the auditor made it. */
@Command(scope = "kjernebro", name = "audit-report", description = "Writes a patient access report (innsyn i logg) as HTML or PDF")
@Service
public class AuditReport implements Action {

    @Option(name = "--pasient", required = true, description = "The patient's national identity number")
    String pasient;

    @Option(name = "--fra", required = true, description = "First day, e.g. 2025-01-01 (inclusive)")
    String fra;

    @Option(name = "--til", required = true, description = "Last day, e.g. 2025-03-31 (inclusive)")
    String til;

    @Option(name = "--kommune", description = "Only this municipality's records")
    @Completion(ChainCompleter.class)
    String kommune;

    @Option(name = "--format", description = "html or pdf (default pdf)")
    @Completion(value = StringsCompleter.class, values = {"html", "pdf"})
    String format = "pdf";

    @Option(name = "--fil", required = true, description = "The file to write; relative to the shell's current directory")
    @Completion(FileCompleter.class)
    String fil;

    @Option(name = "--force", aliases = "-f", description = "Overwrite the file if it exists")
    boolean force;

    @Reference
    AccessReports reports;

    @Reference
    AuditLog log;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException {
        String patient = Cli.patient(pasient, "--pasient");
        LocalDate from = Cli.date(fra, "--fra");
        LocalDate to = Cli.date(til, "--til");
        if (to.isBefore(from)) {
            throw new CommandException("--til must not be before --fra");
        }
        String k = Cli.kommunenummer(kommune, "--kommune");
        AccessReports.Format f = format(format);
        Path file = target(fil);
        if (Files.exists(file) && !force) {
            throw new CommandException(file + " exists; use --force to overwrite it");
        }
        ShellAccess.record(log, Auditor.name(), k, patient, "report-" + f.name().toLowerCase(Locale.ROOT),
                "shell patient access report " + from + ".." + to + (k == null ? "" : " for " + k) + " to " + file);
        byte[] document;
        try {
            document = reports.render(patient, from, to, k, f);
        } catch (AuditUnavailableException e) {
            throw new CommandException("The report could not be made: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CommandException("The report could not be made: " + e.getMessage());
        }
        try {
            if (force) {
                Files.write(file, document);
            } else {
                Files.write(file, document, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw new CommandException(file + " exists; use --force to overwrite it");
        } catch (IOException e) {
            throw new CommandException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        session.getConsole().println("Report for patient " + Cli.patientColumn(patient, false) + ", " + from + " to " + to
                + (k == null ? "" : ", kommune " + k) + " written to " + file + " (" + f + ", " + document.length + " bytes).");
        return null;
    }

    private Path target(String name) {
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            return p;
        }
        Path dir;
        try {
            dir = session.currentDir();
        } catch (RuntimeException e) {
            dir = null; // sessions without a working directory: resolve against the process's
        }
        return (dir == null ? p.toAbsolutePath() : dir.resolve(p)).normalize();
    }

    private static AccessReports.Format format(String value) throws CommandException {
        try {
            return AccessReports.Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CommandException("--format must be html or pdf, not '" + value + "'");
        }
    }
}
