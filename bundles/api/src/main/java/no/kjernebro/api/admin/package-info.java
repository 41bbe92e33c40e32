/** Runtime administration of municipalities (tenants) and their adapters, for operator tools. */
@Export
@Version("1.0.0")
package no.kjernebro.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
