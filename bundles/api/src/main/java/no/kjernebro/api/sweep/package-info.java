/**
 * The medication-change sweep: an EPJ registers its municipality's patient list, Kjernebro asks
 * Legemiddelvarsling about the whole list in batches, remembers each patient's last check durably and
 * reports which patients have new medication information.
 */
@Export
@Version("1.0.0")
package no.kjernebro.api.sweep;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
