package io.mingjing.platform.feature;

import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses a request to a resource {@link OfFeature of a feature} the county has switched off. */
public class FeatureGate {

    @Inject
    CurrentTenant tenant;
    @Inject
    Features features;

    @ServerRequestFilter
    public void refuseSwitchedOff(ResourceInfo resource) {
        OfFeature of = resource.getResourceMethod().getAnnotation(OfFeature.class);
        if (of == null) {
            of = resource.getResourceClass().getAnnotation(OfFeature.class);
        }
        if (of != null && tenant.isSet() && !features.isOn(tenant.id(), of.value())) {
            throw ProblemException.notFound("This county does not offer " + of.value() + ".");
        }
    }
}
