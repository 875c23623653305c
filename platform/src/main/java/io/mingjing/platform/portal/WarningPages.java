package io.mingjing.platform.portal;

import io.mingjing.platform.input.Choices;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.warning.CountyRules;
import io.mingjing.platform.warning.RuleCatalogue;
import io.mingjing.platform.warning.Warning;
import io.mingjing.platform.warning.WarningFeature;
import io.mingjing.platform.warning.WarningLists;
import io.mingjing.platform.warning.WarningService;
import io.mingjing.platform.warning.WarningView;
import io.mingjing.platform.feature.OfFeature;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 预警 on a phone, without JavaScript: the 红黄绿 list by colour, category, village and rule with its
 * counts, a handler's queue, a warning with its why, source record and audit receipt and the forms to
 * take and close it, and the rule catalogue where a county admin sets thresholds (the service validates).
 */
@OfFeature(WarningFeature.ID)
@Path("/t/{tenant}/staff/warnings")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class WarningPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page p, String heading, WarningView.Page page, Map<String, Long> colours,
                String query);

        static native TemplateInstance one(Page p, WarningView w, List<String> facts, List<String> thresholds);

        static native TemplateInstance rules(Page p, List<RuleCatalogue.RuleView> rules, CountyRules.Options options,
                Map<String, String> draft, Map<String, String> errors);
    }

    @Inject
    PortalContext ctx;
    @Inject
    WarningLists lists;
    @Inject
    WarningService warnings;
    @Inject
    RuleCatalogue catalogue;
    @Inject
    CountyRules county;

    @GET
    public TemplateInstance list(@QueryParam("colour") String colour, @QueryParam("category") String category,
            @QueryParam("village") String village, @QueryParam("rule") String rule, @QueryParam("before") Long before) {
        WarningView.Page page = lists.list(new WarningLists.Filter(Choices.of(Warning.Colour.class, "colour", colour),
                blank(category), blank(village), blank(rule), null, false), before, 20);
        Map<String, Long> colours = new LinkedHashMap<>(Map.of("RED", 0L, "YELLOW", 0L, "GREEN", 0L));
        lists.counts().rows().forEach(r -> colours.merge(r.colour(), r.count(), Long::sum));
        String query = "colour=" + enc(colour) + "&category=" + enc(category) + "&village=" + enc(village) + "&rule="
                + enc(rule);
        return Templates.list(ctx.page(null), "warning.title", page, colours, query);
    }

    @GET
    @Path("/queue")
    public TemplateInstance queue() {
        return Templates.list(ctx.page(null), "warning.queue", lists.queue(50), null, "");
    }

    @GET
    @Path("/{id}")
    public TemplateInstance one(@PathParam("id") long id) {
        WarningView w = lists.view(warnings.readable(id));
        return Templates.one(ctx.page(null), w, lines(w.why().get("fact")), lines(w.why().get("thresholds")));
    }

    @POST
    @Path("/{id}/take")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response take(@PathParam("id") long id) {
        warnings.take(id);
        return backTo("/staff/warnings/" + id);
    }

    @POST
    @Path("/{id}/disposition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dispose(@PathParam("id") long id, @FormParam("disposition") String disposition,
            @FormParam("reason") String reason) {
        warnings.dispose(id, Choices.of(Warning.Disposition.class, "disposition", disposition), blank(reason));
        return backTo("/staff/warnings/" + id);
    }

    @GET
    @Path("/rules")
    public TemplateInstance rules() {
        return Templates.rules(ctx.page(null), catalogue.list(), CountyRules.OPTIONS, Map.of(), Map.of());
    }

    /**
     * The county's own rule from the form: thresholds one a line, {@code key number default min max} or
     * {@code key flag true|false}. The service checks it; a refusal shows the form again with what is wrong.
     */
    @POST
    @Path("/rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(MultivaluedMap<String, String> form) {
        Map<String, String> draft = new LinkedHashMap<>();
        form.forEach((k, v) -> draft.put(k, v.isEmpty() ? "" : v.getFirst()));
        try {
            county.add(new CountyRules.Draft(blank(draft.get("id")), draft.get("category"), draft.get("nameZh"),
                    draft.get("nameEn"), draft.get("severity"), draft.get("tier"), draft.get("fact"),
                    thresholds(draft.getOrDefault("thresholds", "")), draft.get("expression")));
        } catch (ProblemException e) {
            if (e.problem().errors() == null || e.problem().status() < 409) {
                throw e;
            }
            return Response.status(e.problem().status()).entity(Templates.rules(ctx.page(null), catalogue.list(),
                    CountyRules.OPTIONS, draft, e.problem().errors())).build();
        }
        return backTo("/staff/warnings/rules");
    }

    private static List<Map<String, Object>> thresholds(String text) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String[] w = line.strip().split("\\s+");
            if (w[0].isEmpty()) {
                continue;
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("key", w[0]);
            t.put("type", w.length > 1 ? w[1] : null);
            t.put("default", w.length > 2 ? value(w[2]) : null);
            t.put("min", w.length > 3 ? value(w[3]) : null);
            t.put("max", w.length > 4 ? value(w[4]) : null);
            out.add(t);
        }
        return out;
    }

    /** A form's text as the JSON value it stands for: a whole number, true or false, else the text. */
    private static Object value(String s) {
        return s.matches("-?[0-9]{1,18}") ? (Object) Long.parseLong(s)
                : s.equals("true") || s.equals("false") ? (Object) Boolean.valueOf(s) : s;
    }

    @POST
    @Path("/rules/{module}/{rule}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("module") String module, @PathParam("rule") String rule) {
        county.remove(module + "/" + rule);
        return backTo("/staff/warnings/rules");
    }

    /** A rule's thresholds and shadow mode from the catalogue's form; bounds and types are the service's to check. */
    @POST
    @Path("/rules/{module}/{rule}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("module") String module, @PathParam("rule") String rule,
            MultivaluedMap<String, String> form) {
        Map<String, Object> thresholds = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("t.") && !v.isEmpty()) {
                String value = v.getFirst().strip();
                thresholds.put(k.substring(2), value(value));
            }
        });
        catalogue.change(module + "/" + rule, new RuleCatalogue.Change(thresholds, null, form.containsKey("shadow"),
                form.containsKey("enabled")));
        return backTo("/staff/warnings/rules");
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(Object values) {
        List<String> out = new ArrayList<>();
        if (values instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> out.add(k + " = " + v));
        }
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Response backTo(String path) {
        return Response.seeOther(URI.create(ctx.page(null).base() + path)).build();
    }
}
