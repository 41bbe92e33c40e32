/** The canonical patient summary: every section kjernejournal has, as records. */
@Export
@Version("1.1.0")
package no.kjernebro.api.summary;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
