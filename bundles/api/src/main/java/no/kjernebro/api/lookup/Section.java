package no.kjernebro.api.lookup;

/** The sections of a kjernejournal, the unit the access policy grants. */
public enum Section {
    /** name, address, civil status (Folkeregisteret). */
    PERSONALIA,
    /** the patient's GP (Fastlegeregisteret). */
    FASTLEGE,
    /** next of kin and contact persons. */
    PAARORENDE,
    /** prescriptions, dispensings, multidose, nutrition products and consumables. */
    LEGEMIDLER,
    /** allergies, anaesthesia complications, critical conditions, implants, changed routines, infection. */
    KRITISK_INFORMASJON,
    /** vaccinations. */
    VAKSINER,
    /** contacts with specialist health services (Norsk pasientregister). */
    BESOKSHISTORIKK,
    /** what the patient registered: communication needs, own illnesses. */
    EGNE_REGISTRERINGER
}
