package io.mingjing.platform.feature;

/**
 * A built-in feature of the platform, registered the way a plugin module is: one CDI bean per feature
 * package, named after its glossary noun ({@code NoticeFeature} in {@code notice/}), returning its
 * manifest. The registry lists it ({@code source: builtin}), a county admin switches an optional one
 * off with the same admin API as a plugin, and the portal draws its columns and menu entries only
 * where it is on.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class NoticeFeature implements Feature {
 *     @Inject NoticeService notices;
 *
 *     public FeatureManifest manifest() {
 *         return FeatureManifest.of(ModuleManifest.of("notices", "1.0.0", new Names("通知公告", "Notices"),
 *                         "Notices of the village, town and county.", new Changelog("db/notice.xml")),
 *                 FeatureManifest.OPTIONAL, "demo: tenants/<id>/notices.yaml", "notice.",
 *                 DataBoundary.views("v_notice"),
 *                 new PortalColumn("notices", "col.notices", (q) -> notices.column(q)),
 *                 new StaffPage(new Names("发布通知", "Publish a notice"), "/staff/notices", Roles.CADRE));
 *     }
 * }
 * }</pre>
 */
public interface Feature {

    FeatureManifest manifest();
}
