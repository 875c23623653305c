package io.mingjing.platform.inspection;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.inspection.InspectionRequests.NewRound;
import io.mingjing.platform.inspection.InspectionRequests.VillageResult;
import io.mingjing.platform.portal.Page;
import io.mingjing.platform.portal.PortalContext;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * 电子抽检 on a phone, without JavaScript: the rounds and the form that opens one, a round with its
 * villages and results, and a village's drawn records with the form that records its result.
 */
@OfFeature(InspectionFeature.ID)
@Path("/t/{tenant}/staff/inspections")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class InspectionPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page p, InspectionView.RoundPage page, InspectionLists.NewRoundForm form,
                String today, String monthAgo);

        static native TemplateInstance round(Page p, InspectionView r);

        static native TemplateInstance village(Page p, InspectionView.VillageSample v, String tomorrow);
    }

    @Inject
    PortalContext ctx;
    @Inject
    InspectionLists lists;
    @Inject
    InspectionService inspections;

    @GET
    public TemplateInstance list(@QueryParam("before") Long before) {
        LocalDate today = InspectionDraw.today();
        return Templates.list(ctx.page(null), lists.list(null, before, 20), lists.form(), today.toString(),
                today.minusMonths(1).toString());
    }

    /** The form's villages are named when any is ticked and the choice says so; else {@code sample} are drawn. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@FormParam("title") String title, @FormParam("from") String from, @FormParam("to") String to,
            @FormParam("kinds") List<String> kinds, @FormParam("perKind") String perKind, @FormParam("town") String town,
            @FormParam("how") String how, @FormParam("sample") String sample, @FormParam("villages") List<String> villages) {
        boolean named = "named".equals(how);
        InspectionRound r = inspections.open(new NewRound(title, day(from, "from"), day(to, "to"), kinds,
                number(perKind, "perKind"), town == null || town.isBlank() ? null : town, named ? null : number(sample, "sample"),
                named ? villages : null));
        return backTo("/staff/inspections/" + r.id);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance round(@PathParam("id") long id) {
        return Templates.round(ctx.page(null), lists.round(id));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") long id, @FormParam("note") String note) {
        inspections.close(id, note);
        return backTo("/staff/inspections/" + id);
    }

    @GET
    @Path("/{id}/villages/{village}")
    public TemplateInstance village(@PathParam("id") long id, @PathParam("village") String village) {
        return Templates.village(ctx.page(null), lists.village(id, village), InspectionDraw.today().plusDays(1).toString());
    }

    @POST
    @Path("/{id}/villages/{village}/result")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("id") long id, @PathParam("village") String village,
            @FormParam("result") String result, @FormParam("correction") String correction,
            @FormParam("deadline") String deadline, @FormParam("comment") String comment,
            @FormParam("reason") String reason) {
        boolean rectify = "RECTIFY".equals(result);
        inspections.record(id, village, new VillageResult(result, rectify ? blank(correction) : null,
                rectify ? day(deadline, "deadline") : null, blank(comment), blank(reason)));
        return backTo("/staff/inspections/" + id + "/villages/" + village);
    }

    /** A form's day; a field a browser's date input cannot send is a problem of the body (422). */
    private static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(422, "A day is written like 2026-03-01.", Map.of(field, "is not a day"));
        }
    }

    private static Integer number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(422, "Not a number.", Map.of(field, "must be a whole number"));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Response backTo(String path) {
        return Response.seeOther(URI.create(ctx.page(null).base() + path)).build();
    }
}
