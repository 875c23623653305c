package io.mingjing.platform.task;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import io.mingjing.sdk.Setting;
import jakarta.enterprise.context.ApplicationScoped;

/** 待办/督办 as a built-in module: its changelog, when a task counts as long overdue, closed tables, staff pages. */
@ApplicationScoped
public class TaskFeature implements Feature {

    public static final String ID = "tasks";
    /** How long after its deadline an unfinished task goes to the assigner's superior (督办). */
    public static final Setting.Number ESCALATE_AFTER = Setting.number("escalate-after-hours", 72, 1, 24 * 60);

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("待办督办", "Tasks"),
                "Work the town or the county assigns to villages and people, with deadlines, reminders and escalation.",
                ESCALATE_AFTER, new Changelog("db/task.xml")),
                FeatureManifest.OPTIONAL, "tenants/<id>/tasks.yaml", "task.", DataBoundary.CLOSED,
                new StaffPage(new Names("待办督办", "Tasks"), "/staff/tasks", Roles.CADRE),
                new StaffPage(new Names("待办督办", "Tasks"), "/staff/tasks", Roles.TOWN_OFFICIAL),
                new StaffPage(new Names("待办督办", "Tasks"), "/staff/tasks", Roles.DEPARTMENT_STAFF));
    }
}
