/** The canonical lookup request, its outcome, and the LookupService that core provides. */
@Export
@Version("1.1.0")
package no.kjernebro.api.lookup;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
