/** Norwegian identifiers: national identity numbers (fnr, D-, H- and synthetic numbers) and organisation numbers. */
@Export
@Version("1.0.0")
package no.kjernebro.api.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
