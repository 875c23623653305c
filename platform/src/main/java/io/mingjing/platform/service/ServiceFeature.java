package io.mingjing.platform.service;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.PortalColumn;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** 便民服务 as a built-in module: its changelog, demo seed, texts, closed tables, results columns and staff pages. */
@ApplicationScoped
public class ServiceFeature implements Feature {

    public static final String ID = "services";

    @Inject
    ServiceLists lists;

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("便民服务", "Village services"),
                "The county's service catalogue handled in the village: apply once, departments review together, "
                        + "follow it on the phone, rate it.",
                new Changelog("db/service.xml")),
                FeatureManifest.OPTIONAL, "tenants/<id>/services.yaml", "service.", DataBoundary.CLOSED,
                new PortalColumn("services", "col.services", q -> lists.published(q, ServiceItemSpec.Publish.PUBLIC)).at(16),
                new PortalColumn("services-residents", "col.services-residents",
                        q -> lists.published(q, ServiceItemSpec.Publish.RESIDENTS), true).at(17),
                new StaffPage(new Names("代办服务", "File for a resident"), "/staff/services", Roles.AGENT),
                new StaffPage(new Names("便民服务受理", "Service applications"), "/staff/services", Roles.CADRE),
                new StaffPage(new Names("待我审核", "Waiting for my review"), "/staff/services", Roles.DEPARTMENT_STAFF),
                new StaffPage(new Names("待我审核", "Waiting for my review"), "/staff/services", Roles.TOWN_OFFICIAL));
    }
}
