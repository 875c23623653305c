package io.mingjing.platform.portal;

import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.Features;
import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.inbox.Inbox;
import io.mingjing.platform.input.LocalPaths;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Household;
import io.mingjing.platform.resident.ResidentAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A village's portal (村务公开): the columns and menu entries of the features the county has on, laid
 * out; what each column lists for the caller is its feature's decision. Also the inbox, QR codes and
 * the language switch. Server-rendered, readable without JavaScript.
 */
@Path("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
public class VillagePortal {

    static final int HOME_ITEMS = 5;
    static final int PAGE_ITEMS = 20;

    /**
     * A column of the village page.
     *
     * @param locked the column is for the village's residents and the caller is not one
     */
    public record Column(String key, String href, List<Link> items, boolean locked) {
    }

    /** An item of a column: text, target, and an optional badge (resident-only, corrected …). */
    public record Link(String text, String href, String date, String badge, String body) {
    }

    public record VillageHome(OrgUnit village, OrgUnit town, List<Column> columns, List<PortalMenu.Entry> menu) {
    }

    public record ColumnPage(Column column, int page, boolean more) {
    }

    public record QrCard(String label, String url, String svg) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance village(Page p, VillageHome h);

        static native TemplateInstance column(Page p, ColumnPage c);

        static native TemplateInstance inbox(Page p, List<Inbox.Item> items);

        static native TemplateInstance qrSheet(Page p, List<QrCard> cards);
    }

    @Inject
    ResidentAccess residentAccess;
    @Inject
    Places places;
    @Inject
    PortalContext ctx;
    @Inject
    Features features;
    @Inject
    PortalMenu menu;
    @Inject
    Inbox inbox;
    @ConfigProperty(name = "mingjing.public-url")
    String publicUrl;

    @GET
    @Path("/v/{village}")
    @Transactional
    public Response village(@PathParam("tenant") String tenant, @PathParam("village") String code) {
        OrgUnit v = village(code);
        Page p = ctx.page(v);
        List<Column> columns = columns(p).map(c -> column(p, c, HOME_ITEMS, 0)).toList();
        OrgUnit town = v.parentCode == null ? null : OrgUnit.findById(v.parentCode);
        VillageHome home = new VillageHome(v, town, columns, menu(p));
        return Response.ok(Templates.village(p, home)).cookie(new NewCookie.Builder(PortalContext.VILLAGE_COOKIE)
                .value(code).path("/t/" + tenant).maxAge(60 * 60 * 24 * 365).sameSite(NewCookie.SameSite.LAX)
                .httpOnly(true).build()).build();
    }

    @GET
    @Path("/v/{village}/c/{column}")
    @Transactional
    public TemplateInstance column(@PathParam("village") String code, @PathParam("column") String slug,
            @QueryParam("page") @DefaultValue("0") int page) {
        Page p = ctx.page(village(code));
        PortalColumn c = columns(p).filter(x -> x.slug().equals(slug)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No column " + slug + "."));
        Column column = column(p, c, PAGE_ITEMS, Math.max(0, page));
        return Templates.column(p, new ColumnPage(column, page, column.items().size() == PAGE_ITEMS));
    }

    /** The columns of the features on in the county, in their order. */
    private Stream<PortalColumn> columns(Page p) {
        return features.on(p.tenant()).stream().flatMap(f -> f.columns().stream())
                .sorted(Comparator.comparingInt(PortalColumn::position));
    }

    private Column column(Page p, PortalColumn c, int limit, int page) {
        String village = p.villageCode();
        boolean locked = c.residentsOnly() && !residentAccess.mayReadResidentContent(village);
        List<Link> items = locked ? List.of() : c.items().list(new PortalColumn.Query(village, limit, page, p::t, limit == HOME_ITEMS))
                .stream().map(i -> new Link(i.text(), p.base() + i.href(), p.day(i.at()), i.badge(), i.body()))
                .toList();
        return new Column(c.titleKey(), p.base() + "/v/" + village + "/c/" + c.slug(), items, locked);
    }

    /** The on features' menu entries this caller may use, then the plugins'. */
    private List<PortalMenu.Entry> menu(Page p) {
        List<PortalMenu.Entry> entries = new ArrayList<>();
        for (FeatureManifest f : features.on(p.tenant())) {
            f.module().menu().stream().filter(m -> p.caller().fits(m.role())).forEach(m -> entries.add(
                    new PortalMenu.Entry(p.english() ? m.label().en() : m.label().zh(),
                            p.base() + m.path().replace("{village}", p.villageCode()))));
        }
        entries.addAll(menu.entries(p.tenant(), p.villageCode(), p.texts().lang));
        return entries;
    }

    @GET
    @Path("/inbox")
    @Authenticated
    @Transactional
    public TemplateInstance inbox() {
        return Templates.inbox(ctx.page(null), inbox.items());
    }

    /** A village poster's QR code (SVG), opening the village page. */
    @GET
    @Path("/v/{village}/qr.svg")
    @Produces("image/svg+xml")
    @Transactional
    public Response villageQr(@PathParam("tenant") String tenant, @PathParam("village") String code) {
        village(code);
        return Response.ok(QrCodes.svg(publicUrl + "/t/" + tenant + "/v/" + code, 256))
                .header("Cache-Control", "public, max-age=86400").build();
    }

    /** Printable QR sheet of a village: the village poster and one card per household (its staff only). */
    @GET
    @Path("/v/{village}/qr-sheet")
    @Authenticated
    @Transactional
    public TemplateInstance qrSheet(@PathParam("tenant") String tenant, @PathParam("village") String code) {
        OrgUnit v = village(code);
        places.requireActOn(code);
        List<QrCard> cards = new ArrayList<>();
        String villageUrl = publicUrl + "/t/" + tenant + "/v/" + code;
        cards.add(new QrCard(v.name, villageUrl, QrCodes.svg(villageUrl, 160)));
        for (Household h : Household.<Household>list("villageCode = ?1 order by code", code)) {
            String url = publicUrl + "/t/" + tenant + "/h/" + h.code;
            cards.add(new QrCard(h.code, url, QrCodes.svg(url, 160)));
        }
        return Templates.qrSheet(ctx.page(v), cards);
    }

    /** A household's QR code lands here: open the portal at the household's village. */
    @GET
    @Path("/h/{household}")
    @Transactional
    public Response household(@PathParam("tenant") String tenant, @PathParam("household") String code) {
        Household h = code == null || code.length() > 40 ? null : Household.find("code", code).firstResult();
        if (h == null) {
            throw ProblemException.notFound("No household " + code + ".");
        }
        return Response.seeOther(URI.create("/t/" + tenant + "/v/" + h.villageCode.strip())).build();
    }

    /** Switches the language (a cookie) and goes back to the page. */
    @GET
    @Path("/lang/{lang}")
    public Response lang(@PathParam("tenant") String tenant, @PathParam("lang") String lang,
            @QueryParam("back") String back) {
        URI target = LocalPaths.under("/t/" + tenant + "/", back).orElse(URI.create("/t/" + tenant + "/"));
        return Response.seeOther(target).cookie(new NewCookie.Builder(PortalContext.LANG_COOKIE)
                .value("en".equals(lang) ? "en" : "zh").path("/t/" + tenant).maxAge(60 * 60 * 24 * 365)
                .sameSite(NewCookie.SameSite.LAX).build()).build();
    }

    static OrgUnit village(String code) {
        OrgUnit v = code == null || !code.matches("\\d{12}") ? null : OrgUnit.findById(code);
        if (v == null || v.level != OrgUnitLevel.VILLAGE) {
            throw ProblemException.notFound("No village " + code + " in this county.");
        }
        return v;
    }

    /** The village this browser last opened in this county, if it still exists. */
    static OrgUnit remembered(PortalContext ctx) {
        String code = ctx.rememberedVillage();
        return code == null ? null : OrgUnit.findById(code);
    }
}
