package io.mingjing.platform.portal;

import io.mingjing.platform.resident.ResidentAccess;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.appeal.AppealService;
import io.mingjing.platform.approval.ApprovalLists;
import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.disclosure.Disclosure;
import io.mingjing.platform.disclosure.DisclosureAccess;
import io.mingjing.platform.disclosure.DisclosureAttachment;
import io.mingjing.platform.disclosure.DisclosureService;
import io.mingjing.platform.disclosure.DisclosureService.FeedItem;
import io.mingjing.platform.file.StoredFile;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.inbox.Inbox;
import io.mingjing.platform.input.LocalPaths;
import io.mingjing.platform.notice.Notice;
import io.mingjing.platform.notice.NoticeService;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.OrgUnitLevel;
import io.mingjing.platform.payment.Payments;
import io.mingjing.platform.policy.Policy;
import io.mingjing.platform.policy.PolicyQa;
import io.mingjing.platform.policy.PolicyService;
import io.mingjing.platform.powerlist.PowerItem;
import io.mingjing.platform.powerlist.PowerListService;
import io.mingjing.platform.problem.ProblemException;
import io.mingjing.platform.resident.Household;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.villagepost.VillagePost;
import io.mingjing.platform.villagepost.VillagePosts;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A village's portal (村务公开): its columns, a disclosure, my funds, policies, notices, the power list
 * and QR codes. Server-rendered, readable without JavaScript; every access decision is the
 * {@link CurrentCaller}'s (through {@link DisclosureAccess} for disclosures).
 */
@Path("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
public class VillagePortal {

    /** A column of the village page. */
    public record Column(String key, String href, List<Link> items) {
    }

    /** An item of a column: text, target, and an optional badge (resident-only, corrected …). */
    public record Link(String text, String href, String date, String badge, String body) {
        public Link(String text, String href, String date, String badge) {
            this(text, href, date, badge, null);
        }
    }

    public record VillageHome(OrgUnit village, OrgUnit town, List<Column> columns, boolean residents,
            List<Link> residentItems, List<PortalMenu.Entry> menu) {
    }

    public record ColumnPage(String key, List<Link> items, int page, boolean more) {
    }

    public record DisclosurePage(Disclosure d, List<DisclosureAttachment> files, List<Disclosure> versions,
            String receipt) {
    }

    public record QrCard(String label, String url, String svg) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance village(Page p, VillageHome h);

        static native TemplateInstance column(Page p, ColumnPage c);

        static native TemplateInstance disclosure(Page p, DisclosurePage x);

        static native TemplateInstance funds(Page p, Payments.Mine mine, String appeal);

        static native TemplateInstance villageFunds(Page p, boolean allowed, List<Payments.VillageRow> rows,
                String appeal);

        static native TemplateInstance policies(Page p, List<Policy> list, List<String> categories, String q,
                String category);

        static native TemplateInstance policy(Page p, Policy policy, List<PolicyQa> qa);

        static native TemplateInstance notice(Page p, Notice n);

        static native TemplateInstance inbox(Page p, List<Inbox.Item> items);

        static native TemplateInstance power(Page p, PowerItem item);

        static native TemplateInstance search(Page p, String q, List<Link> results);

        static native TemplateInstance qrSheet(Page p, List<QrCard> cards);
    }

    @Inject
    VillagePosts posts;
    @Inject
    ResidentAccess residentAccess;
    @Inject
    Places places;
    @Inject
    PortalContext ctx;
    @Inject
    CurrentCaller caller;
    @Inject
    DisclosureService disclosures;
    @Inject
    DisclosureAccess access;
    @Inject
    NoticeService notices;
    @Inject
    PolicyService policies;
    @Inject
    PowerListService power;
    @Inject
    Payments payments;
    @Inject
    PortalMenu menu;
    @Inject
    Inbox inbox;
    @Inject
    AppealService appeals;
    // F9 approvals column, wired here until the portal reads feature manifests (reconcile at merge)
    @Inject
    ApprovalLists approvalResults;
    @ConfigProperty(name = "mingjing.public-url")
    String publicUrl;

    @GET
    @Path("/v/{village}")
    @Transactional
    public Response village(@PathParam("tenant") String tenant, @PathParam("village") String code) {
        OrgUnit v = village(code);
        Page p = ctx.page(v);
        String base = p.base();
        List<Column> columns = new java.util.ArrayList<>();
        for (Disclosure.Category c : Disclosure.Category.values()) {
            columns.add(new Column("cat." + c, base + "/v/" + code + "/c/" + c.name().toLowerCase(),
                    feedLinks(base, disclosures.feed(code, false, c, 0), 5)));
        }
        columns.add(new Column("col.notices", base + "/v/" + code + "/c/notices", notices.forVillages(List.of(code), 5)
                .stream().map(n -> new Link(n.title, base + "/notices/" + n.id, p.day(n.publishedAt), null)).toList()));
        columns.add(new Column("col.inquiries", base + "/v/" + code + "/c/inquiries", inquiries(p, code, 5)));
        columns.add(new Column("col.rules", base + "/v/" + code + "/c/rules", posts(base, code, VillagePost.Kind.RULE)));
        columns.add(new Column("col.honours", base + "/v/" + code + "/c/honours",
                posts(base, code, VillagePost.Kind.HONOUR)));
        columns.add(new Column("col.power", base + "/v/" + code + "/c/power", power.forVillage(code).stream().limit(8)
                .map(i -> new Link(i.title, base + "/power/" + i.id + "?v=" + code, null, i.category)).toList()));
        columns.add(new Column("col.approvals", base + "/v/" + code + "/c/approvals", approvalLinks(p, code, 5, 0))); // F9
        columns.add(new Column("col.policies", base + "/policies", policies.search(null, null).stream().limit(5)
                .map(x -> new Link(x.title, base + "/policies/" + x.id, null, x.category)).toList()));
        boolean residents = access.mayReadResidents(code);
        List<Link> residentItems = residents ? disclosures.residentsOnly(code, 5).stream()
                .map(d -> new Link(d.title, base + "/d/" + d.id, p.day(d.publishedAt), p.category(d.category.name())))
                .toList() : List.of();
        OrgUnit town = v.parentCode == null ? null : OrgUnit.findById(v.parentCode);
        VillageHome home = new VillageHome(v, town, columns, residents, residentItems,
                menu.entries(tenant, code, p.texts().lang));
        return Response.ok(Templates.village(p, home)).cookie(new NewCookie.Builder(PortalContext.VILLAGE_COOKIE)
                .value(code).path("/t/" + tenant).maxAge(60 * 60 * 24 * 365).sameSite(NewCookie.SameSite.LAX)
                .httpOnly(true).build()).build();
    }

    @GET
    @Path("/v/{village}/c/{column}")
    @Transactional
    public TemplateInstance column(@PathParam("village") String code, @PathParam("column") String column,
            @QueryParam("page") @DefaultValue("0") int page) {
        OrgUnit v = village(code);
        Page p = ctx.page(v);
        String base = p.base();
        List<Link> items;
        String key;
        switch (column) {
            case "party", "village", "finance" -> {
                Disclosure.Category c = Disclosure.Category.valueOf(column.toUpperCase());
                key = "cat." + c;
                items = feedLinks(base, disclosures.feed(code, access.mayReadResidents(code), c, page), 100);
            }
            case "notices" -> {
                key = "col.notices";
                items = notices.forVillages(List.of(code), 100).stream()
                        .map(n -> new Link(n.title, base + "/notices/" + n.id, p.day(n.publishedAt), null)).toList();
            }
            case "inquiries" -> {
                key = "col.inquiries";
                items = inquiries(p, code, 100);
            }
            case "rules", "honours" -> {
                key = "col." + column;
                items = posts(base, code, column.equals("rules") ? VillagePost.Kind.RULE : VillagePost.Kind.HONOUR);
            }
            case "power" -> {
                key = "col.power";
                items = power.forVillage(code).stream()
                        .map(i -> new Link(i.title, base + "/power/" + i.id + "?v=" + code, null, i.category)).toList();
            }
            case "approvals" -> { // F9, until the portal reads feature manifests
                key = "col.approvals";
                items = approvalLinks(p, code, DisclosureService.PAGE_SIZE, page);
            }
            default -> throw ProblemException.notFound("No column " + column + ".");
        }
        return Templates.column(p, new ColumnPage(key, items, page, items.size() == DisclosureService.PAGE_SIZE));
    }

    @GET
    @Path("/d/{id}")
    @Transactional
    public TemplateInstance disclosure(@PathParam("id") long id) {
        Disclosure d = access.requireRead(disclosures.find(id));
        Page p = ctx.page(OrgUnit.findById(d.villageCode));
        return Templates.disclosure(p, new DisclosurePage(d,
                DisclosureAttachment.list("disclosureId = ?1 order by id", d.id),
                d.published() ? disclosures.versions(d.seriesId) : List.of(),
                "/api/t/" + p.tenant() + "/disclosures/" + d.id + "/receipt"));
    }

    @GET
    @Path("/d/{id}/files/{file}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response file(@PathParam("id") long id, @PathParam("file") long file) {
        access.requireRead(disclosures.find(id));
        DisclosureAttachment a = DisclosureAttachment.findById(file);
        if (a == null || a.disclosureId != id) {
            throw ProblemException.notFound("No attachment " + file + ".");
        }
        return StoredFile.of(a.data, a.filename, null);
    }

    /** 我的资金: the villager's own payments by year and programme. */
    @GET
    @Path("/funds")
    @Authenticated
    @Transactional
    public TemplateInstance funds() {
        Resident me = Resident.byUserId(caller.get().userId());
        Page p = ctx.page(me == null ? null : OrgUnit.findById(me.registeredVillage));
        return Templates.funds(p, me == null ? null : payments.mine(me), p.base() + "/appeals/new?payment=");
    }

    /** The village's payments (resident-only, masked); others see a login prompt. */
    @GET
    @Path("/v/{village}/funds")
    @Transactional
    public TemplateInstance villageFunds(@PathParam("village") String code, @QueryParam("year") Integer year,
            @QueryParam("page") @DefaultValue("0") int page) {
        OrgUnit v = village(code);
        Page p = ctx.page(v);
        boolean allowed = residentAccess.mayReadResidentContent(code);
        Resident me = allowed ? Resident.byUserId(caller.get().userId()) : null;
        return Templates.villageFunds(p, allowed, allowed ? payments.village(code, year, page, places.mayActOn(code),
                me == null ? null : me.id) : List.of(), p.base() + "/appeals/new?payment=");
    }

    @GET
    @Path("/inbox")
    @Authenticated
    @Transactional
    public TemplateInstance inbox() {
        return Templates.inbox(ctx.page(null), inbox.items());
    }

    @GET
    @Path("/policies")
    @Transactional
    public TemplateInstance policies(@QueryParam("q") String q, @QueryParam("category") String category) {
        return Templates.policies(ctx.page(remembered()), policies.search(q, category), policies.categories(),
                q == null ? "" : q, category == null ? "" : category);
    }

    @GET
    @Path("/policies/{id}")
    @Transactional
    public TemplateInstance policy(@PathParam("id") long id) {
        Policy x = Policy.findById(id);
        if (x == null) {
            throw ProblemException.notFound("No policy " + id + ".");
        }
        return Templates.policy(ctx.page(remembered()), x, policies.qa(id));
    }

    @GET
    @Path("/notices/{id}")
    @Transactional
    public TemplateInstance notice(@PathParam("id") long id) {
        Notice n = Notice.findById(id);
        if (n == null) {
            throw ProblemException.notFound("No notice " + id + ".");
        }
        return Templates.notice(ctx.page(remembered()), n);
    }

    @GET
    @Path("/power/{id}")
    @Transactional
    public TemplateInstance power(@PathParam("id") long id, @QueryParam("v") String village) {
        PowerItem item = PowerItem.findById(id);
        if (item == null) {
            throw ProblemException.notFound("No power-list item " + id + ".");
        }
        OrgUnit v = village == null || !village.matches("\\d{12}") ? remembered() : OrgUnit.findById(village);
        return Templates.power(ctx.page(v), item);
    }

    /** Search a village's disclosures (only what the caller may read) and the policy library. */
    @GET
    @Path("/v/{village}/search")
    @Transactional
    public TemplateInstance search(@PathParam("village") String code, @QueryParam("q") String q) {
        OrgUnit v = village(code);
        Page p = ctx.page(v);
        String query = q == null ? "" : q.strip();
        List<Link> results = query.isEmpty() || query.length() > 100 ? List.of() : java.util.stream.Stream.concat(
                disclosures.search(code, query, access.mayReadResidents(code)).stream()
                        .map(d -> new Link(d.title, p.base() + "/d/" + d.id, p.day(d.publishedAt),
                                p.category(d.category.name()))),
                policies.search(query, null).stream()
                        .map(x -> new Link(x.title, p.base() + "/policies/" + x.id, null, p.t("col.policies"))))
                .toList();
        return Templates.search(p, query, results);
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
        List<QrCard> cards = new java.util.ArrayList<>();
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

    private List<Link> feedLinks(String base, List<FeedItem> feed, int limit) {
        Page p = ctx.page(null);
        return feed.stream().limit(limit).map(f -> new Link(f.title() + (f.period() == null ? "" : "（" + f.period()
                + "）"), base + "/d/" + f.id(), p.day(f.publishedAt()),
                f.visibility().equals("RESIDENTS") ? p.t("badge.residents") : f.version() > 1 ? p.t("badge.corrected")
                        : null)).toList();
    }

    private List<Link> posts(String base, String code, VillagePost.Kind kind) {
        Page p = ctx.page(null);
        return posts.list(code, kind).stream().limit(20)
                .map(x -> new Link(x.title, base + "/v/" + code + "/c/" + (kind == VillagePost.Kind.RULE ? "rules"
                        : "honours") + "#post-" + x.id, p.day(x.publishedAt), null, x.body)).toList();
    }

    /** 公开质询: the question and, once given, the committee's answer, in public. */
    private List<Link> inquiries(Page p, String code, int limit) {
        return appeals.inquiries(code, limit).stream().map(a -> new Link(a.subject(),
                p.base() + "/v/" + code + "/c/inquiries#q-" + a.trackingNo(), p.day(a.createdAt()),
                a.reply() == null ? p.t("inquiry.open") : p.t("inquiry.answered"),
                a.body() + (a.reply() == null ? "" : "\n\n" + p.t("inquiry.answer") + "：" + a.reply()))).toList();
    }

    private OrgUnit remembered() {
        String code = ctx.rememberedVillage();
        return code == null ? null : OrgUnit.findById(code);
    }

    static OrgUnit village(String code) {
        OrgUnit v = code == null || !code.matches("\\d{12}") ? null : OrgUnit.findById(code);
        if (v == null || v.level != OrgUnitLevel.VILLAGE) {
            throw ProblemException.notFound("No village " + code + " in this county.");
        }
        return v;
    }

    static Map<String, String> none() {
        return Map.of();
    }

    /** F9: the approvals feature's published results as column links (its manifest's PortalColumn). */
    private List<Link> approvalLinks(Page p, String code, int limit, int page) {
        return approvalResults.published(new PortalColumn.Query(code, limit, page, k -> p.texts().get(k))).stream()
                .map(i -> new Link(i.text(), p.base() + i.href(), i.at() == null ? null : p.day(i.at()), i.badge()))
                .toList();
    }
}
