package io.mingjing.platform.inbox;

import io.mingjing.platform.feature.DataBoundary;
import io.mingjing.platform.feature.Feature;
import io.mingjing.platform.feature.FeatureManifest;
import io.mingjing.sdk.Changelog;
import io.mingjing.sdk.ModuleManifest;
import io.mingjing.sdk.Names;
import jakarta.enterprise.context.ApplicationScoped;

/** 消息: what the platform tells a person or a post; always on, as replies to cases arrive here. */
@ApplicationScoped
public class InboxFeature implements Feature {

    @Override
    public FeatureManifest manifest() {
        return FeatureManifest.of(ModuleManifest.of("inbox", "1.0.0", new Names("消息", "Inbox"),
                "Messages to a person or a post, also sent through modules' channels.",
                new Changelog("db/inbox.xml")), FeatureManifest.ALWAYS_ON, null, "inbox", DataBoundary.CLOSED);
    }
}
