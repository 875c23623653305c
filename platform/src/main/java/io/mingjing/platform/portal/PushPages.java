package io.mingjing.platform.portal;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.notice.Notice;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.payment.Programme;
import io.mingjing.platform.policy.Policy;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.push.Audiences;
import io.mingjing.platform.push.PushFeature;
import io.mingjing.platform.push.PushLists;
import io.mingjing.platform.push.PushRequests.Audience;
import io.mingjing.platform.push.PushRequests.NewPush;
import io.mingjing.platform.push.PushService;
import io.mingjing.platform.push.PushView;
import io.mingjing.platform.secure.Codes;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 个性定制 on a phone, without JavaScript: the form (what to push, to whom) whose first button counts the
 * audience and whose second pushes, the pushes of the caller's places, and one push with its counts.
 */
@OfFeature(PushFeature.ID)
@Path("/t/{tenant}/staff/push")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PushPages {

    /** An option of a list: its value, its words, whether chosen. */
    public record Option(String value, String label, boolean chosen) {
    }

    /**
     * What the form shows: the choices, what was entered, each field's problem, and the count of a preview.
     *
     * @param key the Idempotency-Key of this push, kept through previews, so a second tap pushes nothing twice
     */
    public record Form(List<Option> about, List<Option> villages, List<Option> programmes, Map<String, String> values,
            Map<String, String> errors, Long count, String key) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public String error(String name) {
            return errors.get(name);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page p, Form f, PushView.Page pushes);

        static native TemplateInstance one(Page p, PushView push);
    }

    @Inject
    PortalContext ctx;
    @Inject
    PushService pushes;
    @Inject
    PushLists lists;
    @Inject
    Audiences audiences;
    @Inject
    StaffPlaces places;

    @GET
    @Transactional
    public TemplateInstance form(@QueryParam("before") Long before) {
        audiences.requireSender();
        Page p = ctx.page(null);
        return Templates.form(p, form(p, Map.of(), List.of(), List.of(), Map.of(), null, Codes.random(20)),
                lists.list(before, 20));
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response preview(MultivaluedMap<String, String> posted) {
        Page p = ctx.page(null);
        Posted in = Posted.read(posted);
        try {
            long count = pushes.preview(in.audience());
            return Response.ok(Templates.form(p, form(p, in, Map.of(), count), lists.list(null, 20))).build();
        } catch (ProblemException e) {
            return again(p, in, e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response send(MultivaluedMap<String, String> posted) {
        Page p = ctx.page(null);
        Posted in = Posted.read(posted);
        try {
            long id = pushes.send(in.push(), in.key()).push().id;
            return Response.seeOther(URI.create(p.base() + "/staff/push/" + id)).build();
        } catch (ProblemException e) {
            return again(p, in, e);
        }
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance one(@PathParam("id") long id) {
        return Templates.one(ctx.page(null), lists.one(id));
    }

    /** A refusal stays a refusal; mistakes come back beside their fields, the form filled in. */
    private Response again(Page p, Posted in, ProblemException e) {
        var problem = e.problem();
        if (problem.errors() == null || problem.status() != 400 && problem.status() != 422) {
            throw e;
        }
        Map<String, String> errors = new LinkedHashMap<>(in.errors());
        problem.errors().forEach((k, v) -> errors.merge(field(k), v, (a, b) -> a + "; " + b));
        return Response.status(422).entity(Templates.form(p, form(p, in, errors, null), lists.list(null, 20))).build();
    }

    /** {@code audience.villages[2]} is the field villages; notice and policy are "about"; the audience as a whole, villages. */
    static String field(String key) {
        String k = key.replaceFirst("^audience\\.", "").replaceAll("\\[.*$", "");
        return k.equals("notice") || k.equals("policy") ? "about" : k.equals("audience") ? "villages" : k;
    }

    private Form form(Page p, Posted in, Map<String, String> errors, Long count) {
        return form(p, in.values(), in.villages(), in.programmes(), errors, count, in.key());
    }

    private Form form(Page p, Map<String, String> values, List<String> villages, List<String> programmes,
            Map<String, String> errors, Long count, String key) {
        String about = values.getOrDefault("about", "");
        List<Option> choices = new ArrayList<>(List.of(new Option("", p.t("push.about.text"), about.isEmpty())));
        Notice.<Notice>find("order by publishedAt desc, id desc").page(0, 20).list().forEach(n -> choices.add(
                new Option("notice:" + n.id, p.t("push.about.notice") + " · " + n.title, about.equals("notice:" + n.id))));
        Policy.<Policy>find("order by publishedAt desc, id desc").page(0, 20).list().forEach(x -> choices.add(
                new Option("policy:" + x.id, p.t("push.about.policy") + " · " + x.title, about.equals("policy:" + x.id))));
        List<Option> units = places.mine(OrgUnitLevel.TOWN, OrgUnitLevel.VILLAGE).stream()
                .map(u -> new Option(u.code, label(p, u), villages.contains(u.code))).toList();
        List<Option> paid = Programme.<Programme>listAll(Sort.by("name")).stream()
                .map(x -> new Option(x.name, x.name, programmes.contains(x.name))).toList();
        return new Form(choices, units, paid, values, errors, count, key);
    }

    private static String label(Page p, OrgUnit u) {
        return u.level == OrgUnitLevel.TOWN ? u.name + " · " + p.t("push.wholeTown") : u.name;
    }

    /** The form as posted: its values as given, and the push they say, ages that are not numbers noted. */
    record Posted(Map<String, String> values, List<String> villages, List<String> programmes, Map<String, String> errors,
            String key) {

        static Posted read(MultivaluedMap<String, String> form) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : List.of("about", "title", "text", "minAge", "maxAge", "party")) {
                String v = form.getFirst(name);
                if (v != null && !v.isBlank()) {
                    values.put(name, v.length() > 600 ? v.substring(0, 600) : v);
                }
            }
            Map<String, String> errors = new LinkedHashMap<>();
            for (String age : List.of("minAge", "maxAge")) {
                if (values.containsKey(age) && !values.get(age).strip().matches("^\\d{1,3}$")) {
                    errors.put(age, "must be a whole number of years from 0 to 150");
                }
            }
            String key = form.getFirst("key");
            return new Posted(values, list(form, "villages"), list(form, "programmes"), errors,
                    key == null || !key.matches("^[A-Za-z0-9]{1,100}$") ? Codes.random(20) : key);
        }

        private static List<String> list(MultivaluedMap<String, String> form, String name) {
            List<String> given = form.get(name);
            return given == null ? List.of() : given.stream().filter(v -> v != null && !v.isBlank()).limit(1001).toList();
        }

        Audience audience() {
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(422, "The ages are not numbers.", Map.of());
            }
            return new Audience(villages, age("minAge"), age("maxAge"), programmes, values.containsKey("party"));
        }

        NewPush push() {
            String about = values.getOrDefault("about", "");
            Long notice = about.startsWith("notice:") ? number(about.substring(7)) : null;
            Long policy = about.startsWith("policy:") ? number(about.substring(7)) : null;
            boolean own = notice == null && policy == null;
            return new NewPush(notice, policy, own ? values.get("title") : null, own ? values.get("text") : null,
                    audience());
        }

        private Integer age(String name) {
            return values.containsKey(name) ? Integer.valueOf(values.get(name).strip()) : null;
        }

        private static Long number(String s) {
            return s.matches("^\\d{1,18}$") ? Long.valueOf(s) : -1L;
        }
    }
}
