package io.mingjing.platform.consultation;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import io.mingjing.sdk.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * 码上协商 as a built-in module: its changelog, the county's quorum and thresholds as settings, texts,
 * closed tables (ballots above all) and the committee's staff page.
 */
@ApplicationScoped
public class ConsultationFeature implements Feature {

    public static final String ID = "consultations";
    /** Share of the village's residents who must vote for the vote to count, in percent. */
    public static final Setting.Number QUORUM = Setting.number("quorum-percent", 50, 1, 100);
    /** Share of the ballots cast an option needs to carry, in percent (more than this). */
    public static final Setting.Number PASS = Setting.number("pass-percent", 50, 1, 99);
    /** How many residents must support a topic raised by a resident before it opens for discussion. */
    public static final Setting.Number SUPPORTERS = Setting.number("proposal-supporters", 10, 1, 10_000);
    /** The longest a vote may stay open. */
    public static final Setting.Number MAX_DAYS = Setting.number("max-voting-days", 30, 1, 365);

    @Inject
    ConsultationLists lists;

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("码上协商", "Consultations"),
                "Village matters put to the village's residents: a topic, its discussion, a secret vote, the resolution.",
                QUORUM, PASS, SUPPORTERS, MAX_DAYS, new Changelog("db/consultation.xml")),
                FeatureManifest.OPTIONAL, "tenants/<id>/consultations.yaml", "consultation.", DataBoundary.CLOSED,
                new PortalColumn("consultations", "col.consultations", lists::column, true),
                new StaffPage(new Names("码上协商", "Consultations"), "/consultations", Roles.CADRE));
    }
}
