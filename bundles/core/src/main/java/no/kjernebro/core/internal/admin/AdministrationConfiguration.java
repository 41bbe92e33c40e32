package no.kjernebro.core.internal.admin;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kjernebro tenant administration",
        description = "Operator changes to tenants and their adapters (kjernebro:* shell commands)")
@interface AdministrationConfiguration {

    @AttributeDefinition(description = "Folder that holds the no.kjernebro.tenant-<kommunenummer>.cfg files; "
            + "empty means Karaf's etc folder (karaf.etc)")
    String etcDir() default "";
}
