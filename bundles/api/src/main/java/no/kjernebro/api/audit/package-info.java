/** The audit log contract: one committed record per patient access attempt or administrative change. */
@Export
@Version("1.2.0")
package no.kjernebro.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
