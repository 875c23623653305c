package io.mingjing.platform.appeal;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.feature.PortalColumn.Item;
import io.mingjing.platform.feature.PortalColumn.Query;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.platform.identity.Role;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.MenuEntry;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * 诉求与举报: suggestions, complaints, reports and public questions (公开质询). Never switched off: a
 * county may not stop taking complaints or reports.
 */
@ApplicationScoped
public class AppealFeature implements Feature {

    public static final String ID = "appeals";

    @Inject
    AppealService appeals;

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("诉求与举报", "Appeals and reports"),
                "Suggestions, complaints, reports and public questions, with time limits and ratings.",
                new Changelog("db/appeal.xml"),
                new MenuEntry(new Names("我有话说", "Tell us"), "/appeals/new", Roles.LOGGED_IN),
                // logged out: 我有话说 asks to log in first and comes back to the form; a report may stay anonymous
                new MenuEntry(new Names("我有话说", "Tell us"), "/login?back=/appeals/new", Role.ANONYMOUS),
                new MenuEntry(new Names("匿名举报", "Report anonymously"), "/appeals/new", Role.ANONYMOUS),
                new MenuEntry(new Names("举报进展查询", "Follow a report"), "/appeals/track", Roles.ANYONE)),
                FeatureManifest.ALWAYS_ON, "tenants/<id>/appeals.yaml", "case.",
                DataBoundary.views("v_appeal_category"), new PortalColumn("inquiries", "col.inquiries", this::inquiries).at(30),
                appraisal(Roles.TENANT_ADMIN), appraisal(Roles.INSPECTOR), appraisal(Roles.DEPARTMENT_STAFF),
                appraisal(Roles.TOWN_OFFICIAL));
    }

    private static StaffPage appraisal(String role) {
        return new StaffPage(new Names("红黄绿评议", "Appraisal"), "/staff/appraisal", role);
    }

    /** 公开质询: the question and, once given, the committee's answer, in public. */
    private List<Item> inquiries(Query q) {
        return q.window(appeals.inquiries(q.village(), q.offset() + q.limit())).stream().map(a -> new Item(a.subject(),
                "/v/" + q.village() + "/c/inquiries#q-" + a.trackingNo(), a.createdAt(),
                q.text().apply(a.reply() == null ? "inquiry.open" : "inquiry.answered"),
                a.body() + (a.reply() == null ? "" : "\n\n" + q.text().apply("inquiry.answer") + "：" + a.reply())))
                .toList();
    }
}
