/** The contract between adapter bundles and the runtime: adapters publish their Camel routes as whiteboard services. */
@Export
@Version("1.0.0")
package no.kjernebro.api.adapter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
