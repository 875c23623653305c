package io.mingjing.platform.admin;

import io.mingjing.platform.file.StoredFile;
import io.mingjing.platform.onboarding.CountyBranding;
import io.mingjing.platform.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** The county's logo for every portal page; linked by digest, so it is cached for good. */
@Path("/t/{tenant}/logo")
public class CountyLogoPage {

    @Inject
    CountyBranding branding;

    @GET
    public Response logo(@PathParam("tenant") String tenant) {
        return branding.logo(tenant).map(l -> StoredFile.of(l.data, "logo", "public, max-age=31536000, immutable"))
                .orElseThrow(() -> ProblemException.notFound("County '" + tenant + "' has no logo."));
    }
}
