package io.mingjing.platform.resident;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.platform.feature.StaffPage;
import io.mingjing.sdk.Roles;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import jakarta.enterprise.context.ApplicationScoped;

/** 村民: households and residents, whom resident-only content and payments are for; always on. */
@ApplicationScoped
public class ResidentFeature implements Feature {

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of("residents", "1.0.0", new Names("村民与住户", "Residents"),
                "Households and residents, imported from the registers; villager accounts are activated by code.",
                new Changelog("db/people.xml")), FeatureManifest.ALWAYS_ON, "tenants/<id>/residents.csv",
                "activate.", DataBoundary.CLOSED, page(Roles.CADRE), page(Roles.TOWN_OFFICIAL), page(Roles.TENANT_ADMIN));
    }

    /** The printable sheet of a village's poster and household cards (户卡): each opens the portal there. */
    private static StaffPage page(String role) {
        return new StaffPage(new Names("打印二维码户卡", "Print QR cards"), "/staff/qr", role);
    }
}
