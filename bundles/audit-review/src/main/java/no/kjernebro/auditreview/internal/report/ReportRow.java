package no.kjernebro.auditreview.internal.report;

/** One lookup as the patient reads it: every cell already in words. */
record ReportRow(String tidspunkt, String kommune, String enhet, String helsepersonell, String yrke,
                 String tjeneste, String tilgangsgrunnlag, String vist, String utfall, String referanse) {

    /** The column labels, in the order of the components. */
    static final java.util.List<String> LABELS = java.util.List.of("Tidspunkt", "Kommune", "Enhet",
            "Helsepersonell", "Yrke", "Tjeneste", "Tilgangsgrunnlag", "Hva ble vist", "Utfall", "Referanse");

    java.util.List<String> cells() {
        return java.util.List.of(tidspunkt, kommune, enhet, helsepersonell, yrke, tjeneste, tilgangsgrunnlag, vist,
                utfall, referanse);
    }
}
