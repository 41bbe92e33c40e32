/** Legemiddelvarsling: the batch question "has new medication information arrived since my last check?". */
@Export
@Version("1.0.0")
package no.kjernebro.api.varsling;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
