package no.kjernebro.adapter.hjemmetjenestejson.internal;

import no.kjernebro.adapter.hjemmetjenestejson.internal.json.HjemmetjenesteFormat;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.SweepJson;
import no.kjernebro.api.adapter.AdapterRoutes;
import no.kjernebro.api.sweep.SweepCallbackFormat;
import no.kjernebro.api.sweep.SweepStatus;
import org.osgi.service.component.annotations.Component;

/** The "sweep ended" notification in this dialect, for sweeps started through this adapter. */
@Component(name = "no.kjernebro.adapter.hjemmetjenestejson.callback",
        property = AdapterRoutes.ADAPTER_ID + "=" + HjemmetjenesteFormat.ADAPTER_ID)
public final class HjemmetjenesteCallbackFormat implements SweepCallbackFormat {

    @Override
    public String contentType() {
        return HjemmetjenesteFormat.JSON;
    }

    @Override
    public byte[] render(SweepStatus status) {
        return SweepJson.callback(status);
    }
}
