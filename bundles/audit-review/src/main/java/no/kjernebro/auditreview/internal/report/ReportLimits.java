package no.kjernebro.auditreview.internal.report;

/**
 * How big a patient access report may get.
 *
 * @param maxRows lookups in one report; more and the caller must split the period
 * @param maxDays days in one period
 */
record ReportLimits(int maxRows, int maxDays) {

    static final ReportLimits DEFAULT = new ReportLimits(5000, 3700);

    ReportLimits {
        if (maxRows < 1 || maxDays < 1) {
            throw new IllegalArgumentException("report limits must be positive");
        }
    }
}
