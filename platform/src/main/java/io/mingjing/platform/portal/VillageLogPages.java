package io.mingjing.platform.portal;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.identity.Role;
import io.mingjing.platform.villagelog.VillageLogFeature;
import io.mingjing.platform.villagelog.VillageLogSearch;
import io.mingjing.platform.villagelog.VillageLogService;
import io.mingjing.platform.villagelog.VillageLogView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** 村情记录 on a phone, without JavaScript: the keyword search within the reader's places, and a cadre's entry form. */
@OfFeature(VillageLogFeature.ID)
@Path("/t/{tenant}/village-log")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class VillageLogPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Page p, String q, VillageLogView.Page page, boolean mayRecord);
    }

    @Inject
    PortalContext ctx;
    @Inject
    VillageLogSearch search;
    @Inject
    VillageLogService log;

    @GET
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("village") String village,
            @QueryParam("before") Long before) {
        Page p = ctx.page(null);
        boolean mayRecord = p.caller().hasRole(Role.CADRE) && p.caller().orgUnit() != null;
        return Templates.search(p, q == null ? "" : q, search.search(q, village, null, before, 20), mayRecord);
    }

    /** A cadre's entry of their own village; tags separated by spaces or commas. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@FormParam("body") String body, @FormParam("place") String place,
            @FormParam("tags") String tags, @FormParam("open") String open) {
        Page p = ctx.page(null);
        List<String> tagList = tags == null || tags.isBlank() ? List.of()
                : Arrays.stream(tags.split("[\\s,，]+")).filter(s -> !s.isBlank()).toList();
        log.record(new VillageLogView.NewEntry(p.caller().orgUnit(), body, place, tagList, "on".equals(open), null));
        return Response.seeOther(URI.create(p.base() + "/village-log")).build();
    }
}
