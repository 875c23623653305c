package io.mingjing.platform.portal;

import io.mingjing.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How staff write what the portal publishes (a notice, a policy with its Q&amp;A, a power-list item
 * with its steps, a village post): one form drawn from the kind's fields, a confirmation page showing
 * what will be published, then publishing through the feature's own service, which checks who may and
 * what is valid, as for the API. A form with mistakes comes back with each field's problem beside it.
 */
@RequestScoped
public class StaffContent {

    /** A form field; {@code type} is text, textarea or select (with options). */
    public record Field(String name, String label, String type, int max, boolean required, List<Option> options,
            String hint) {
        public static Field text(String name, String label, int max, boolean required) {
            return new Field(name, label, "text", max, required, List.of(), null);
        }

        public static Field area(String name, String label, int max, boolean required, String hint) {
            return new Field(name, label, "textarea", max, required, List.of(), hint);
        }

        public static Field select(String name, String label, List<Option> options) {
            return new Field(name, label, "select", 40, true, options, null);
        }

        /** What the confirmation shows for a select: the option's words, not its code. */
        public String shown(String value) {
            return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst()
                    .orElse(value == null ? "" : value);
        }
    }

    public record Option(String value, String label) {
    }

    /** Something already published, as the kind's list shows it. */
    public record Listed(String title, String href, String meta) {
    }

    /** One kind of content: its words, its fields, and its feature's service behind them. */
    public interface Kind {
        /** e.g. {@code notices}: the page's path under /staff and its texts, {@code staff.content.notices} */
        String key();

        /** A 403 for whoever may write none of this kind: they do not get the form. */
        void requireWriter();

        List<Field> fields(Page p);

        /** Who may, and whether it is valid: a ProblemException (403, 400 with field errors) otherwise. */
        void check(Map<String, String> values);

        /** @return where the published item is read, under the county's portal root */
        String publish(Map<String, String> values, String actor);

        List<Listed> recent(Page p);

        /** The form field a service's error key belongs to, when the service names it otherwise. */
        default String fieldOf(String key) {
            return key;
        }
    }

    public record Form(String key, String action, List<Field> fields, Map<String, String> values,
            Map<String, String> errors, List<Listed> recent, String done) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public String error(String name) {
            return errors.get(name);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page p, Form f);

        static native TemplateInstance confirm(Page p, Form f);
    }

    @Inject
    PortalContext ctx;

    public TemplateInstance form(Kind kind, String done) {
        kind.requireWriter();
        Page p = ctx.page(null);
        return Templates.form(p, form(p, kind, Map.of(), Map.of(), done));
    }

    /** The confirmation page, or the form again with what is wrong. */
    public Response preview(Kind kind, MultivaluedMap<String, String> posted) {
        kind.requireWriter();
        Page p = ctx.page(null);
        Map<String, String> values = values(kind, p, posted);
        try {
            kind.check(values);
        } catch (ProblemException e) {
            return again(p, kind, values, e);
        }
        return Response.ok(Templates.confirm(p, form(p, kind, values, Map.of(), null))).build();
    }

    /** Publishes, then back to the kind's page (post/redirect/get), which links what was published. */
    public Response publish(Kind kind, MultivaluedMap<String, String> posted, String actor) {
        kind.requireWriter();
        Page p = ctx.page(null);
        Map<String, String> values = values(kind, p, posted);
        if (posted.containsKey("edit")) {
            return Response.ok(Templates.form(p, form(p, kind, values, Map.of(), null))).build();
        }
        String href;
        try {
            kind.check(values);
            href = kind.publish(values, actor);
        } catch (ProblemException e) {
            return again(p, kind, values, e);
        }
        return Response.seeOther(URI.create(p.base() + "/staff/" + kind.key() + "?done="
                + URLEncoder.encode(href, StandardCharsets.UTF_8))).build();
    }

    /** A refusal stays a refusal; a form with mistakes comes back filled in, each problem beside its field. */
    private Response again(Page p, Kind kind, Map<String, String> values, ProblemException e) {
        var problem = e.problem();
        if (problem.errors() == null || problem.errors().isEmpty() || problem.status() != 400 && problem.status() != 422) {
            throw e;
        }
        return Response.status(422).entity(Templates.form(p, form(p, kind, values, fieldErrors(kind,
                problem.errors()), null))).build();
    }

    /** {@code steps[2]} and {@code qa[0].answer} belong to the fields steps and qa. */
    static Map<String, String> fieldErrors(Kind kind, Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((k, v) -> out.merge(kind.fieldOf(k.replaceAll("[\\[.].*$", "")), k.contains("[")
                ? k.substring(k.indexOf('[')) + " " + v : v, (a, b) -> a + "; " + b));
        return out;
    }

    private Form form(Page p, Kind kind, Map<String, String> values, Map<String, String> errors, String done) {
        String published = done != null && done.startsWith("/") && !done.startsWith("//") ? p.base() + done : null;
        return new Form(kind.key(), p.base() + "/staff/" + kind.key(), kind.fields(p), values, errors,
                kind.recent(p), published);
    }

    /** Only the kind's own fields, first values, at most their length plus a little to report. */
    private static Map<String, String> values(Kind kind, Page p, MultivaluedMap<String, String> posted) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : kind.fields(p)) {
            String v = posted == null ? null : posted.getFirst(f.name());
            if (v != null && !v.isBlank()) {
                values.put(f.name(), v.length() > f.max() + 1 ? v.substring(0, f.max() + 1) : v);
            }
        }
        return values;
    }
}
