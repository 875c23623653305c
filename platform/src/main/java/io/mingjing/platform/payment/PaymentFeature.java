package io.mingjing.platform.payment;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.MenuEntry;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import io.mingjing.sdk.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/** 惠民资金: departments' payment lists, shown to each villager (我的资金) and masked to the village. */
@ApplicationScoped
public class PaymentFeature implements Feature {

    public static final String ID = "payments";

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of(ID, "1.0.0", new Names("惠民资金", "Benefit payments"),
                "Benefit payments imported from departments' lists, for each villager and each village.",
                new Changelog("db/payment.xml"),
                new MenuEntry(new Names("本村资金发放", "Payments in this village"), "/v/{village}/funds",
                        Roles.ANYONE),
                new MenuEntry(new Names("我的资金", "My funds"), "/funds", Roles.ANYONE)),
                FeatureManifest.OPTIONAL, "tenants/<id>/payments.csv", "funds.", DataBoundary.CLOSED);
    }
}
